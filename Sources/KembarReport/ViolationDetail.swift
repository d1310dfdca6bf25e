import Foundation
import KembarCore

extension Catalogue {
    /// A violation's detail in `language`.
    ///
    /// The core states details in English (they are part of its tested behaviour and of the JSON error format); the
    /// Indonesian reader gets them translated here, template by template. Values quoted inside a detail (keys, enum
    /// values, file paths) stay as written. A detail no template knows is shown as it is, so nothing is hidden.
    public static func detail(_ text: String, _ language: Language) -> String {
        guard language == .id else { return text }
        return DetailTranslation.indonesian(text)
    }
}

/// English detail templates and their Indonesian forms. `%1`, `%2` … stand for the captured parts; a capture that is
/// itself a phrase (`expected a string`) is translated again.
enum DetailTranslation {
    struct Rule {
        let pattern: NSRegularExpression
        let template: String
        /// Captures that are phrases to translate in turn (by number), the others are kept as written.
        let phrases: Set<Int>
    }

    static func rule(_ pattern: String, _ template: String, phrases: Set<Int> = []) -> Rule {
        // The patterns are literals of this file: a bad one is a programming error caught by the tests.
        Rule(pattern: try! NSRegularExpression(pattern: "^" + pattern + "$"), template: template, phrases: phrases)
    }

    static let rules: [Rule] = [
        // Composites first.
        rule(#"not valid JSON: (.+)"#, "bukan JSON yang sah: %1", phrases: [1]),
        rule(
            #"(.+); did you mean '(.+)'\? Known (.+)s: (.+)"#, "%1; mungkin maksudnya '%2'? Yang dikenal: %4",
            phrases: [1]),
        rule(#"(.+); known (.+)s: (.+)"#, "%1; yang dikenal: %3", phrases: [1]),
        rule(#"expected (.+), found (.+)"#, "diharapkan %1, ditemukan %2", phrases: [1, 2]),
        rule(#"expected (.+), not null"#, "diharapkan %1, bukan null", phrases: [1]),
        rule(#"expected an integer from (.+) to (.+)"#, "diharapkan bilangan bulat dari %1 sampai %2"),
        rule(#"expected '(.+)'"#, "diharapkan '%1'"),
        rule(#"expected "(.+)""#, "diharapkan \"%1\""),
        rule(#"expected (.+)"#, "diharapkan %1", phrases: [1]),
        rule(#"one of (.+)"#, "salah satu dari %1"),
        rule(#"at most (.+)"#, "paling banyak %1"),
        // Kinds of values.
        rule("a string", "teks"), rule("an integer", "bilangan bulat"), rule("a number", "angka"),
        rule("true or false", "true atau false"), rule("an array", "daftar (array)"), rule("an object", "objek"),
        rule("a value", "sebuah nilai"), rule("a URL", "URL"), rule("base64 data", "data base64"), rule("X", "X"),
        rule("a field name in double quotes", "nama isian dalam tanda kutip ganda"),
        rule("the end of the file after the JSON value", "akhir berkas setelah nilai JSON"),
        rule("a whole number", "bilangan bulat"), rule("a finite number", "angka terhingga"),
        rule("a JSON array", "daftar JSON"), rule("null", "null"),
        rule("unknown (field|collection)", "%1 tak dikenal", phrases: [1]),
        rule("field", "isian"), rule("collection", "koleksi"),
        // Structure.
        rule("required field is missing", "isian wajib tidak ada"),
        rule("leave the field out instead of null", "hilangkan isian ini, jangan tulis null"),
        rule("leave the collection out instead of null", "hilangkan koleksi ini, jangan tulis null"),
        rule("null is not allowed in a list", "null tidak boleh ada dalam daftar"),
        rule("must be an array", "harus berupa daftar (array)"),
        rule("the top level must be a JSON object", "tingkat teratas harus berupa objek JSON"),
        rule(
            #"given twice in the same object, on lines (\d+) and (\d+)"#,
            "diberikan dua kali dalam objek yang sama, pada baris %1 dan %2"),
        rule(#"also at (.+), with different content"#, "juga ada di %1, dengan isi berbeda"),
        rule(#"also at (.+)"#, "juga ada di %1"),
        rule(#"same city, indicator and period as (.+)"#, "kota, indikator dan periode sama dengan %1"),
        rule(
            "too many problems: the rest of this record was not checked",
            "terlalu banyak masalah: sisa data ini tidak diperiksa"),
        rule("the number is too large", "angkanya terlalu besar"),
        rule(#"this Kembar reads versions (\d+) to (\d+)"#, "Kembar ini membaca versi %1 sampai %2"),
        rule(#"the file ends where (.+) was expected"#, "berkas berakhir di tempat %1 diharapkan", phrases: [1]),
        rule("the file is empty", "berkas kosong"),
        rule(
            #"the (object|array) opened on line (\d+) is never closed"#,
            "%1 yang dibuka pada baris %2 tidak pernah ditutup",
            phrases: [1]),
        rule("object", "objek"), rule("array", "daftar (array)"),
        rule(#"arrays and objects nest deeper than (\d+) levels"#, "daftar dan objek bersarang lebih dari %1 tingkat"),
        // JSON syntax.
        rule(
            "a comma before '(.)' \\(trailing commas are not allowed\\)",
            "koma sebelum '%1' (koma di akhir tidak diperbolehkan)"),
        rule("comments are not allowed in JSON", "komentar tidak diperbolehkan dalam JSON"),
        rule("NaN and Infinity are not JSON numbers", "NaN dan Infinity bukan angka JSON"),
        rule("a number cannot have leading zeros", "angka tidak boleh diawali nol"),
        rule("a number cannot start with '\\+'", "angka tidak boleh diawali '+'"),
        rule("a number needs a digit before '\\.'", "angka perlu digit sebelum '.'"),
        rule("'-' must be followed by a digit", "'-' harus diikuti digit"),
        rule("a number needs digits after '\\.'", "angka perlu digit setelah '.'"),
        rule("a number needs digits in its exponent", "angka perlu digit pada eksponennya"),
        rule("a control character inside a string must be escaped", "karakter kendali dalam teks harus di-escape"),
        rule(
            #"a line break inside a string \(write it as \\n, or close the string\)"#,
            "pindah baris di dalam teks (tulis sebagai \\n, atau tutup teksnya)"),
        rule("a string is never closed", "teks tidak pernah ditutup"),
        rule("an unknown escape in a string", "escape tak dikenal dalam teks"),
        rule(#"a \\u escape needs four hex digits"#, "escape \\u perlu empat digit heksadesimal"),
        rule(
            #"a \\u escape of a high surrogate needs a low surrogate after it"#,
            "escape \\u high surrogate perlu low surrogate sesudahnya"),
        rule(
            #"a \\u escape of a low surrogate without a high one before it"#,
            "escape \\u low surrogate tanpa high surrogate sebelumnya"),
        rule(#"invalid UTF-8 \(save the file as UTF-8\)"#, "UTF-8 tidak sah (simpan berkas sebagai UTF-8)"),
        rule(
            #"the file is not UTF-8 \(it looks like UTF-16 or UTF-32\); save it as UTF-8"#,
            "berkas bukan UTF-8 (tampaknya UTF-16 atau UTF-32); simpan sebagai UTF-8"),
        rule("field names need double quotes, not single quotes", "nama isian perlu tanda kutip ganda, bukan tunggal"),
        rule("write true, false and null in lower case", "tulis true, false dan null dengan huruf kecil"),
        rule("a text value needs double quotes", "nilai teks perlu tanda kutip ganda"),
        // CSV.
        rule(#"unknown column (\d+)"#, "kolom ke-%1 tak dikenal"),
        rule(
            #"the column is named twice, as columns (\d+) and (\d+)"#, "nama kolom dipakai dua kali, di kolom %1 dan %2"
        ),
        rule(#"the header has (\d+) columns"#, "baris judul memiliki %1 kolom"),
        rule("the file has no header row", "berkas tidak memiliki baris judul"),
        rule(#"a quote may only open a field \(RFC 4180\)"#, "tanda kutip hanya boleh membuka sel (RFC 4180)"),
        rule(#"text after a closing quote \(RFC 4180\)"#, "ada teks setelah tanda kutip penutup (RFC 4180)"),
        rule("a quoted field is never closed", "sel bertanda kutip tidak pernah ditutup"),
        rule(
            "an activities file needs a 'partnership' column, an observations file an 'indicator' column, a planned-actions file 'partnership' and 'agreement' or 'targets'",
            "berkas kegiatan memerlukan kolom 'partnership', berkas observasi kolom 'indicator', berkas rencana aksi 'partnership' dan 'agreement' atau 'targets'"
        ),
        // Cells and forms.
        rule(#"(.+)_en or (.+)_id is required"#, "%1_en atau %2_id wajib diisi"),
        rule("give the population together with its year", "isi jumlah penduduk bersama tahunnya"),
        rule("give both latitude and longitude", "isi lintang dan bujur sekaligus"),
        rule("give the amount with its currency", "isi jumlahnya bersama mata uangnya"),
        rule(
            #"give the currency with the amount \(ISO 4217, e\.g\. IDR\)"#,
            "isi mata uang bersama jumlahnya (ISO 4217, mis. IDR)"),
        rule("give the amount the funding is for", "isi jumlah anggaran yang didanai"),
        rule(#"scheme=identifier \(iati=GB-GOV-1\)"#, "skema=pengenal (iati=GB-GOV-1)"),
        rule("framework:node", "kerangka:simpul"),
        rule(
            #"role=count, with ~ before an approximate count and an optional \[part=count, …\] \(teacher=~250\)"#,
            "peran=jumlah, ~ sebelum jumlah perkiraan dan rincian opsional [bagian=jumlah, …] (teacher=~250)"),
        rule(#"key:role, role one of (.+)"#, "kunci:peran, peran salah satu dari %1"),
        rule(
            #"Name \| office \(English\) \| office \(Indonesian\) \| city key \| sources \| disputed"#,
            "Nama | jabatan (Inggris) | jabatan (Indonesia) | kunci kota | sumber | disputed"),
        rule(
            #"or Name \| office \(English\) \| office \(Indonesian\) \| sources, after a signatory"#,
            "or Nama | jabatan (Inggris) | jabatan (Indonesia) | sumber, sesudah seorang penanda tangan"),
        // Dates.
        rule(
            #"'(.+)' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"#,
            "'%1' bukan tanggal berbentuk YYYY, YYYY-MM atau YYYY-MM-DD"),
        rule(#"year (-?\d+) is outside 1000–9999"#, "tahun %1 di luar 1000–9999"),
        rule(#"month (-?\d+) is outside 1–12"#, "bulan %1 di luar 1–12"),
        rule(#"day (-?\d+) does not exist in that month"#, "tanggal %1 tidak ada di bulan itu"),
        rule("a day needs a month", "tanggal memerlukan bulan"),
        // Domain rules.
        rule(#"starts (.+)"#, "dimulai %1"), rule(#"signed (.+)"#, "ditandatangani %1"),
        rule(#"valid from (.+)"#, "berlaku sejak %1"), rule(#"count (.+)"#, "jumlah %1"),
        rule("-90 to 90", "-90 sampai 90"), rule("-180 to 180", "-180 sampai 180"),
        rule("node name", "nama simpul"),
        rule("only http:// and https:// addresses", "hanya alamat http:// dan https://"),
        rule(#"ISO 3166-2, e\.g\. (.+)"#, "ISO 3166-2, mis. %1"),
        rule("two upper-case letters \\(ISO 3166-1 alpha-2\\)", "dua huruf kapital (ISO 3166-1 alpha-2)"),
        rule("no country has this code in ISO 3166-1", "tidak ada negara dengan kode ini dalam ISO 3166-1"),
        rule("no subdivision has this code in ISO 3166-2", "tidak ada subdivisi dengan kode ini dalam ISO 3166-2"),
        rule(
            #"a registration agency and its number, e\.g\. (.+) or (.+)"#,
            "lembaga registrasi dan nomornya, mis. %1 atau %2"),
        rule(
            "lower-case letters, digits, '-' and '\\.', at most 120 characters",
            "huruf kecil, angka, '-' dan '.', paling banyak 120 karakter"),
        rule(#"no framework '(.+)'"#, "tidak ada kerangka '%1'"),
        rule(#"no step '(.+)' in the procedure"#, "tidak ada langkah '%1' dalam prosedur"),
        rule(#"framework '(.+)' has no node '(.+)'"#, "kerangka '%1' tidak memiliki simpul '%2'"),
        rule("an agreement cannot refer to itself", "perjanjian tidak dapat merujuk dirinya sendiri"),
        rule(#"belongs to partnership '(.+)'"#, "milik kemitraan '%1'"),
        rule(#"the planned action belongs to partnership '(.+)'"#, "rencana aksi itu milik kemitraan '%1'"),
        rule(#"the agreement belongs to partnership '(.+)'"#, "perjanjian itu milik kemitraan '%1'"),
        rule(
            #"three upper-case letters \(ISO 4217\), e\.g\. IDR"#, "tiga huruf kapital (ISO 4217), mis. IDR"),
        rule("a count cannot be negative", "hitungan tidak boleh negatif"),
        rule("results are counted by their unit", "hasil dihitung menurut satuannya"),
        rule("lower-case letters, digits, '-' and '\\.'", "huruf kecil, angka, '-' dan '.'"),
        rule(#"10\^15"#, "10^15"),
        rule(#"already held by observation '(.+)'"#, "sudah dimiliki observasi '%1'"),
        rule("an agreement of kind 'other' needs a label", "perjanjian berjenis 'other' memerlukan nama dokumen"),
        rule(#"(sister-city|friendship-city|sister-province|institution-cooperation)"#, "%1"),
    ]

    static func indonesian(_ text: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        for rule in rules {
            guard let match = rule.pattern.firstMatch(in: text, range: range) else { continue }
            var result = rule.template
            for group in stride(from: match.numberOfRanges - 1, through: 1, by: -1) {
                guard let captured = Range(match.range(at: group), in: text) else { continue }
                let part = String(text[captured])
                result = result.replacingOccurrences(
                    of: "%\(group)", with: rule.phrases.contains(group) ? indonesian(part) : part)
            }
            return result
        }
        return text
    }
}
