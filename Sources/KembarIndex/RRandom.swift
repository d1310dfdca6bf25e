/// R's default random number generator ("Mersenne-Twister" with R's seeding), so that a seed gives the same uniform
/// draws as `set.seed(seed); runif(n)` in R ≥ 3.6. COINr's uncertainty analysis consumes exactly these draws, which is
/// what makes the engine's seeded Monte Carlo reproducible against COINr.
///
/// Seeding follows R's `set.seed`: the seed is scrambled by 50 steps of the LCG `s ← 69069·s + 1 (mod 2³²)`, then 625
/// further LCG steps fill R's seed table; its first word (the MT position) is reset to 624 so that the first draw
/// regenerates the whole MT19937 state block.
public struct RRandom: Sendable {
    private var state = [UInt32](repeating: 0, count: 624)
    private var position = 624

    /// Creates a generator equal to R's after `set.seed(seed)`.
    public init(seed: Int32) {
        var s = UInt32(bitPattern: seed)
        for _ in 0..<50 { s = s &* 69069 &+ 1 }
        // Word 0 of R's table is the MT position, which R overwrites with 624; words 1...624 are the state.
        s = s &* 69069 &+ 1
        for i in 0..<624 {
            s = s &* 69069 &+ 1
            state[i] = s
        }
        position = 624
    }

    private mutating func regenerate() {
        let upper: UInt32 = 0x8000_0000
        let lower: UInt32 = 0x7fff_ffff
        let matrixA: UInt32 = 0x9908_b0df
        for k in 0..<624 {
            let y = (state[k] & upper) | (state[(k + 1) % 624] & lower)
            state[k] = state[(k + 397) % 624] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : matrixA)
        }
        position = 0
    }

    /// The next 32-bit output of MT19937 (tempered).
    public mutating func nextUInt32() -> UInt32 {
        if position >= 624 { regenerate() }
        var y = state[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// One uniform draw on (0, 1), bit-identical to R's `unif_rand()` for the Mersenne-Twister kind.
    public mutating func unifRand() -> Double {
        let value = Double(nextUInt32()) * 2.3283064365386963e-10
        // R's fixup(): keep the draw strictly inside (0, 1).
        let halfStep = 0.5 * 2.328306437080797e-10
        if value <= 0 { return halfStep }
        if 1 - value <= 0 { return 1 - halfStep }
        return value
    }

    /// `n` uniform draws, as R's `runif(n)`.
    public mutating func runif(_ n: Int) -> [Double] {
        (0..<max(n, 0)).map { _ in unifRand() }
    }

    /// A seed for replication `index` derived from a base seed with SplitMix64, so that each Monte Carlo replication
    /// has its own stream and results do not depend on which thread runs it.
    public static func derivedSeed(base: Int32, index: Int) -> Int32 {
        var z = UInt64(UInt32(bitPattern: base)) &* 0x9e37_79b9_7f4a_7c15 &+ UInt64(index) &+ 0x632b_e59b_d9b4_e019
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        z ^= z >> 31
        return Int32(truncatingIfNeeded: z)
    }
}
