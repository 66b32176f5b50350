// Summary: key sentences in reading order. First version (foundation): the first sentences;
// the extraction issue ranks them.
export function splitSentences(text: string): string[] {
  return (text.match(/[^。！？!?\n]+[。！？!?]*[”’」』）)]*/g) || []).map((s) => s.trim()).filter((s) => s.length > 1);
}

export function summarize(body: string, _title: string): string[] {
  return splitSentences(body).slice(0, 3);
}
