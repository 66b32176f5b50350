/**
 * A seeded generator for the tests' random strings: `rnd(k)` is an integer in [0, k). The LCG's
 * high bits are used: its low bits repeat with a short period, and taking them left whole
 * combinations (pinyin right after a Han character) out of a normalize test's strings.
 */
export function seeded(seed: number): (k: number) => number {
  let s = seed;
  return (k) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return (s >>> 12) % k;
  };
}
