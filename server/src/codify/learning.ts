/** A list marker at the start of a learning: "- ", "* ", "+ ", "1. ", "2) ", with an optional task box. */
const LEADING_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?(?:\s+|$)/;

/**
 * A learning as one bullet's text: trimmed, every line break (with the spaces
 * around it) collapsed to one space, and a leading list marker removed. Empty
 * when nothing is left.
 */
export function normalizeLearning(text: string): string {
  const oneLine = text.replace(/[^\S\r\n]*(?:\r\n|\r|\n)\s*/g, ' ').trim();
  return oneLine.replace(LEADING_MARKER, '').trim();
}
