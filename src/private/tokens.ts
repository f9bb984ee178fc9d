/**
 * Whether a string holds a Terraform token, remembered per string.
 *
 * The answer depends only on the string's characters (the core marks tokens inside the text), so it can be kept:
 * a stack of many rules asks it of the same prefixes and Region names many times, at construction and at synth.
 */
import { Token } from 'cdktf';

const MAX_ENTRIES = 4096;
const seen = new Map<string, boolean>();

/** `Token.isUnresolved` for a string. */
export function isTokenString(value: string): boolean {
  let answer = seen.get(value);
  if (answer === undefined) {
    answer = Token.isUnresolved(value);
    if (seen.size >= MAX_ENTRIES) seen.clear();
    seen.set(value, answer);
  }
  return answer;
}
