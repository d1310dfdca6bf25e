import KembarCore

/// The words of maps and open-data downloads, in English and Indonesian.
public enum MapText {
    public static func legend(_ language: Language) -> [MapGroup: String] {
        let en = language == .en
        return [
            .active: en ? "active" : "aktif",
            .attention: en ? "dormant or renewal due" : "tidak aktif atau perlu diperbarui",
            .exploring: en ? "exploring" : "penjajakan",
            .ended: en ? "expired or terminated" : "kedaluwarsa atau diakhiri",
            .unknown: en ? "no status on the day" : "tanpa status pada hari itu",
        ]
    }

    public static func worldTitle(_ language: Language) -> String {
        language == .en ? "Partnerships on the map" : "Kerja sama di peta"
    }

    public static func mapOf(_ place: String, _ language: Language) -> String {
        language == .en ? "Map: \(place)" : "Peta: \(place)"
    }

    public static func partnershipsMap(_ language: Language) -> String {
        language == .en ? "Map of partnerships" : "Peta kerja sama"
    }

    /// The map's description, for screen readers and the page: what is drawn, and what could not be.
    public static func drawn(_ lines: Int, of total: Int, cities: Int, _ language: Language) -> String {
        let missing = total - lines
        let en = language == .en
        var text =
            en
            ? "\(Format.integer(lines, language)) of \(Format.integer(total, language)) partnerships drawn as great-circle lines between their cities"
            : "\(Format.integer(lines, language)) dari \(Format.integer(total, language)) kerja sama digambar sebagai garis lingkaran besar antara kotanya"
        if cities > 0 {
            text +=
                en
                ? "; \(Format.integer(cities, language)) cities marked"
                : "; \(Format.integer(cities, language)) kota ditandai"
        }
        text += "."
        if missing > 0 {
            text +=
                en
                ? " \(Format.integer(missing, language)) are not drawn: a city without coordinates, or no partner city."
                : " \(Format.integer(missing, language)) tidak digambar: kota tanpa koordinat, atau tanpa kota mitra."
        }
        return text
    }

    public static func baseMapCredit(_ language: Language) -> String {
        language == .en
            ? "Country shapes: Natural Earth 1:110m (public domain). Equirectangular projection."
            : "Bentuk negara: Natural Earth 1:110m (domain publik). Proyeksi ekuirektangular."
    }

    public static func downloads(_ language: Language) -> String { language == .en ? "Open data" : "Data terbuka" }

    public static func geojsonPartnerships(_ language: Language) -> String {
        language == .en ? "These partnerships as GeoJSON lines" : "Kerja sama ini sebagai garis GeoJSON"
    }

    public static func geojsonCities(_ language: Language) -> String {
        language == .en ? "Their cities as GeoJSON points" : "Kotanya sebagai titik GeoJSON"
    }

    public static func onDashboard(_ language: Language) -> String {
        language == .en ? "The same selection as a list" : "Pilihan yang sama sebagai daftar"
    }

    public static func showOnMap(_ language: Language) -> String {
        language == .en ? "Show this selection on the map" : "Tampilkan pilihan ini di peta"
    }

    public static func csvSelection(_ language: Language) -> String {
        language == .en ? "Download this selection (CSV)" : "Unduh pilihan ini (CSV)"
    }

    public static func world(_ language: Language) -> String { language == .en ? "the world" : "dunia" }

    public static func iatiPublisherMissing(_ language: Language) -> String {
        language == .en
            ? "No publisher of the whole registry is set: start the server with KEMBAR_IATI_PUBLISHER (an IATI organisation identifier and a name). Each city's file is at /api/v1/iati/cities/KEY."
            : "Penerbit seluruh registri belum diatur: jalankan server dengan KEMBAR_IATI_PUBLISHER (pengenal organisasi IATI dan nama). Berkas tiap kota ada di /api/v1/iati/cities/KEY."
    }

    public static func iatiIdentifierMissing(_ city: String, _ language: Language) -> String {
        language == .en
            ? "IATI reports activities under the publishing city's organisation identifier, and the city '\(city)' has none: record it on the city's form (e.g. XI-WIKIDATA-Q123)."
            : "IATI melaporkan kegiatan dengan pengenal organisasi kota penerbit, dan kota '\(city)' belum memilikinya: isi pada formulir kota (mis. XI-WIKIDATA-Q123)."
    }

    public static func iatiDownload(_ language: Language) -> String {
        language == .en ? "IATI 2.03 activity file (XML)" : "Berkas kegiatan IATI 2.03 (XML)"
    }
}
