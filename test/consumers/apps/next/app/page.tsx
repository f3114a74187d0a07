import { Player } from './player';

export default function Page() {
  return <Player />;
}
