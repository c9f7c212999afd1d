import { random, symmetricEigen, truncatedSvd } from './learn-term-vectors';

describe('learning word vectors', () => {
  it('finds the eigenvalues and eigenvectors of a small symmetric matrix', () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 0, 1, 2, 0, 0, 0, 5]), 3);
    expect([...values].sort((left, right) => left - right).map((value) => Number(value.toFixed(6)))).toEqual([1, 3, 5]);
    // The eigenvector of 5 is the third axis.
    const five = [...values].findIndex((value) => Math.abs(value - 5) < 1e-9);
    expect(Math.abs(vectors[2 * 3 + five]!)).toBeCloseTo(1, 6);
  });

  it('gives words with the same contexts the same direction and words with other contexts another', () => {
    // Words 0 and 1 occur among contexts 0–2, words 2 and 3 among contexts 3–5.
    const matrix: [number, number][][] = [
      [
        [0, 1],
        [1, 2],
        [2, 1],
      ],
      [
        [0, 2],
        [1, 4],
        [2, 2],
      ],
      [
        [3, 1],
        [4, 1],
        [5, 3],
      ],
      [
        [3, 2],
        [4, 2],
        [5, 6],
      ],
    ];
    const vectors = truncatedSvd(matrix, 6, 2, random(1));
    const cosine = (left: number, right: number) =>
      [0, 1].reduce((sum, index) => sum + vectors[left * 2 + index]! * vectors[right * 2 + index]!, 0) / 127 / 127;
    expect(cosine(0, 1)).toBeGreaterThan(0.99);
    expect(cosine(2, 3)).toBeGreaterThan(0.99);
    expect(Math.abs(cosine(0, 2))).toBeLessThan(0.05);
  });
});
