// Wilson score interval for a proportion O/n (Wilson 1927; Newcombe 1998, method 3), the method of the
// UKHSA/OHID Fingertips technical guidance and of PHEindicatormethods::phe_proportion:
//   p_lower, p_upper = (2O + z² ∓ z·√(z² + 4·O·q)) / (2·(n + z²)),  q = 1 − O/n.
// Unlike the Wald interval it stays within [0, 1] and gives a non-zero width when O = 0 or O = n.

/** Limits on the 0..1 scale; needs 0 ≤ O ≤ n and n > 0 (checked by the caller). */
export function wilsonLimits(observed: number, total: number, z: number): { lower: number; upper: number } {
  const q = 1 - observed / total;
  const centre = 2 * observed + z * z;
  const halfWidth = z * Math.sqrt(z * z + 4 * observed * q);
  const scale = 2 * (total + z * z);
  return {
    lower: observed === 0 ? 0 : Math.max(0, (centre - halfWidth) / scale),
    upper: observed === total ? 1 : Math.min(1, (centre + halfWidth) / scale),
  };
}
