// What the README tells a bundler user to write.
import 'space-replay';
