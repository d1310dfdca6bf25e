import Foundation

/// Numeric helpers that follow R's conventions (COINr is written in R), so that the engine's numbers can be compared
/// with COINr's to 1e-9. Missing values are `Double.nan` throughout.
public enum Stats {
    /// Neumaier-compensated sum. R accumulates in 80-bit long double; a compensated double sum is at least as close
    /// to the exact sum, which keeps ties and last digits aligned with COINr in practice.
    @inlinable
    public static func sum<S: Sequence>(_ values: S) -> Double where S.Element == Double {
        var total = 0.0
        var carry = 0.0
        for v in values {
            let t = total + v
            if abs(total) >= abs(v) {
                carry += (total - t) + v
            } else {
                carry += (v - t) + total
            }
            total = t
        }
        return total + carry
    }

    /// The non-missing values of `values`.
    @inlinable
    public static func present(_ values: [Double]) -> [Double] {
        values.filter { !$0.isNaN }
    }

    /// Arithmetic mean of the non-missing values; NaN when there are none.
    public static func mean(_ values: [Double]) -> Double {
        let v = present(values)
        guard !v.isEmpty else { return .nan }
        return sum(v) / Double(v.count)
    }

    /// Sample standard deviation (divisor n − 1) of the non-missing values; NaN when fewer than two.
    public static func sd(_ values: [Double]) -> Double {
        let v = present(values)
        guard v.count >= 2 else { return .nan }
        let m = sum(v) / Double(v.count)
        return (sum(v.lazy.map { ($0 - m) * ($0 - m) }) / Double(v.count - 1)).squareRoot()
    }

    /// Median as R's `median(x, na.rm = TRUE)`: the mean of the two middle values for an even count.
    public static func median(_ values: [Double]) -> Double {
        let v = present(values).sorted()
        guard !v.isEmpty else { return .nan }
        let h = v.count / 2
        return v.count % 2 == 1 ? v[h] : (v[h - 1] + v[h]) / 2
    }

    /// Sample skewness, the "type 2" definition used by COINr (e1071 type 2, Excel SKEW). NaN when n < 3 or the
    /// values are constant.
    public static func skew(_ values: [Double]) -> Double { skewKurt(values).skew }

    /// Sample excess kurtosis, COINr's "type 2" definition (Excel KURT). NaN when n < 4 or the values are constant.
    public static func kurt(_ values: [Double]) -> Double { skewKurt(values).kurt }

    /// Skewness and kurtosis (type 2) of the non-missing values in two passes without allocating: the mean, then
    /// the second, third and fourth central sums, each with compensated summation.
    public static func skewKurt(_ values: [Double]) -> (skew: Double, kurt: Double) {
        var count = 0
        var total = 0.0
        var carry = 0.0
        for v in values where !v.isNaN {
            count += 1
            let t = total + v
            carry += abs(total) >= abs(v) ? (total - t) + v : (v - t) + total
            total = t
        }
        guard count >= 3 else { return (.nan, .nan) }
        let n = Double(count)
        let m = (total + carry) / n
        var s2 = 0.0
        var c2 = 0.0
        var s3 = 0.0
        var c3 = 0.0
        var s4 = 0.0
        var c4 = 0.0
        @inline(__always) func add(_ s: inout Double, _ c: inout Double, _ v: Double) {
            let t = s + v
            c += abs(s) >= abs(v) ? (s - t) + v : (v - t) + s
            s = t
        }
        for v in values where !v.isNaN {
            let d = v - m
            let d2 = d * d
            add(&s2, &c2, d2)
            add(&s3, &c3, d2 * d)
            add(&s4, &c4, d2 * d2)
        }
        s2 += c2
        s3 += c3
        s4 += c4
        guard s2 > 0 else { return (.nan, .nan) }
        let g1 = n.squareRoot() * s3 / pow(s2, 1.5)
        let skew = g1 * (n * (n - 1)).squareRoot() / (n - 2)
        guard count >= 4 else { return (skew, .nan) }
        let r = n * s4 / (s2 * s2)
        let kurt = ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
        return (skew, kurt)
    }

    /// Ascending ranks like R's `rank(x, ties.method = "min", na.last = "keep")`: ties share the lowest rank and
    /// missing values keep a NaN rank. Ties are exact floating-point ties, as in R.
    public static func rankAscending(_ values: [Double]) -> [Double] {
        var out = [Double](repeating: .nan, count: values.count)
        var idx = [Int]()
        idx.reserveCapacity(values.count)
        for (i, v) in values.enumerated() where !v.isNaN { idx.append(i) }
        idx.sort { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var i = 0
        while i < idx.count {
            var j = i
            while j + 1 < idx.count && values[idx[j + 1]] == values[idx[i]] { j += 1 }
            for k in i...j { out[idx[k]] = Double(i + 1) }
            i = j + 1
        }
        return out
    }

    /// Ranks with 1 = the highest score, ties sharing the lowest rank number ("1, 2, 2, 4"), NaN kept: COINr's
    /// `rank(-x, ties.method = "min", na.last = "keep")`.
    public static func rankDescending(_ scores: [Double]) -> [Double] {
        rankAscending(scores.map { -$0 })
    }

    /// Quantile of the non-missing values, R's default type 7, computed the way R's `quantile.default` does
    /// (`(1 − h)·x[lo] + h·x[hi]`) so that results agree to the last bit where possible.
    public static func quantile(_ values: [Double], _ p: Double) -> Double {
        quantileSorted(present(values).sorted(), p)
    }

    /// Type-7 quantile of an already sorted array without missing values.
    public static func quantileSorted(_ v: [Double], _ p: Double) -> Double {
        guard !v.isEmpty else { return .nan }
        let index = 1 + Double(v.count - 1) * p
        let lo = floor(index)
        let hi = ceil(index)
        let qLo = v[Int(lo) - 1]
        let qHi = v[Int(hi) - 1]
        if index > lo && qHi != qLo {
            let h = index - lo
            return (1 - h) * qLo + h * qHi
        }
        return qLo
    }

    /// Pearson correlation over pairwise-complete observations; NaN with fewer than three pairs or zero variance.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        var a = [Double]()
        var b = [Double]()
        for i in 0..<min(x.count, y.count) where !x[i].isNaN && !y[i].isNaN {
            a.append(x[i])
            b.append(y[i])
        }
        guard a.count >= 3 else { return .nan }
        let ma = sum(a) / Double(a.count)
        let mb = sum(b) / Double(b.count)
        var sab = [Double]()
        var saa = [Double]()
        var sbb = [Double]()
        for i in 0..<a.count {
            let da = a[i] - ma
            let db = b[i] - mb
            sab.append(da * db)
            saa.append(da * da)
            sbb.append(db * db)
        }
        let den = (sum(saa) * sum(sbb)).squareRoot()
        guard den > 0 else { return .nan }
        return sum(sab) / den
    }

    /// R's `seq.int(from, to, length.out = n)` as in R 4.2: `from + i·by`, the last element exactly `to`.
    static func rSeq(_ from: Double, _ to: Double, _ n: Int) -> [Double] {
        guard n > 1 else { return [from] }
        let by = (to - from) / Double(n - 1)
        var out = (0..<n).map { from + Double($0) * by }
        out[n - 1] = to
        return out
    }

    /// One-based interval codes of R's `cut(x, bins, labels = 1:bins)`. The bins span the sample's own range, with
    /// the outer breaks widened by range/1000 and right-closed intervals; COINr maps uniform draws to discrete
    /// alternatives this way. `bins` must be at least 2 (R stops otherwise).
    public static func cutCodes(_ x: [Double], bins: Int) -> [Int] {
        guard bins >= 2, !x.isEmpty else { return [Int](repeating: 1, count: x.count) }
        let lo = x.min() ?? 0
        let hi = x.max() ?? 0
        var dx = hi - lo
        var breaks: [Double]
        if dx == 0 {
            dx = lo != 0 ? abs(lo) : 1
            breaks = rSeq(lo - dx / 1000, hi + dx / 1000, bins + 1)
        } else {
            breaks = rSeq(lo, hi, bins + 1)
            breaks[0] = lo - dx / 1000
            breaks[bins] = hi + dx / 1000
        }
        return x.map { v in
            // First break that is >= v: breaks[c-1] < v <= breaks[c].
            var c = 1
            while c < bins && v > breaks[c] { c += 1 }
            return c
        }
    }
}
