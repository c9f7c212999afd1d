/** Turns texts into vectors. Several implementations (offline, OpenAI-compatible) pass one contract suite. */
export interface Embedder {
  /**
   * Names the vector space (implementation, model and version). Vectors made under different ids are
   * never compared: a vector store built with another id is rebuilt.
   */
  readonly id: string;
  /** One unit-length vector per text, in order. */
  embed(texts: string[]): Promise<number[][]>;
}

export function normaliseVector(vector: number[]): number[] {
  const length = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
  return length === 0 ? vector : vector.map((value) => value / length);
}
