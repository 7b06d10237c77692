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

/** Comment markers at the start or end of a selected line: `//`, `#`, `--`, `;`, `/*`, `*`, `*\/`, `<!--`, `-->`. */
const COMMENT_START = /^\s*(?:\/\/+!?|#+(?=\s|$)|--(?=\s)|;+|\/\*+|\*+\/|\*(?=\s|$)|<!--)\s*/;
const COMMENT_END = /\s*(?:\*+\/|-->)\s*$/;

/**
 * What the "Codify learning" input box starts with for a selection: each line without the comment
 * markers around it (a lesson is often selected from a code comment), then normalised to one
 * line as `normalizeLearning` does. Empty for an empty or blank selection.
 */
export function learningFromSelection(selected: string): string {
  const lines = selected.split(/\r\n|\r|\n/).map((l) => l.replace(COMMENT_START, '').replace(COMMENT_END, ''));
  return normalizeLearning(lines.join('\n'));
}
