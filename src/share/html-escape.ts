/**
 * The one escaping helper of the share pages: every value interpolated into their HTML goes
 * through it, whether it lands in text or in a (double-quoted) attribute.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * `value` with `& < > " '` replaced by character references: safe as element text and as the value
 * of a double- or single-quoted attribute (never unquoted, never inside `<script>` or `<style>`).
 */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
