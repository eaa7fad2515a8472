/** `decodeURIComponent` that gives back the input instead of throwing on a malformed `%` sequence. */
export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
