/// A sub-national government: a city, regency, province or state.
public struct City: Hashable, Sendable, Codable, Identifiable {
    /// The administrative level of the government.
    public enum AdminLevel: String, Sendable, Codable, CaseIterable {
        case city, regency, municipality, province, state, region, district
    }

    public struct Population: Hashable, Sendable, Codable {
        public var count: Int
        public var year: Int
        public init(count: Int, year: Int) {
            self.count = count
            self.year = year
        }
    }

    public var id: CityKey
    public var name: LocalizedText
    /// ISO 3166-1 alpha-2 code, upper case (`ID`, `GB`).
    public var country: String
    /// ISO 3166-2 subdivision code (`ID-JI`, `GB-LIV`), when known.
    public var subdivision: String?
    public var adminLevel: AdminLevel
    public var population: Population?
    public var coordinates: Coordinates?
    /// Lower-case words such as `port`, `metropolitan`, `capital` — what partners have in common.
    public var characteristics: [String]
    /// Numbers the sources give about the city ("sister cities: 14").
    public var figures: [Figure]
    /// Awards, rankings and events the sources credit the city with, dated.
    public var recognitions: [Recognition]
    /// The city government's organisation identifier as IATI writes it: a registration agency and the number it
    /// gave (`XI-WIKIDATA-Q…`, `GB-LAE-…`), what an IATI export reports the city's activities under.
    public var organisationIdentifier: String?
    public var note: String?
    public var sources: [SourceKey]

    public init(
        id: CityKey, name: LocalizedText, country: String, subdivision: String? = nil, adminLevel: AdminLevel,
        population: Population? = nil, coordinates: Coordinates? = nil, characteristics: [String] = [],
        figures: [Figure] = [], recognitions: [Recognition] = [], organisationIdentifier: String? = nil,
        note: String? = nil, sources: [SourceKey] = []
    ) {
        self.id = id
        self.name = name
        self.country = country
        self.subdivision = subdivision
        self.adminLevel = adminLevel
        self.population = population
        self.coordinates = coordinates
        self.characteristics = characteristics
        self.figures = figures
        self.recognitions = recognitions
        self.organisationIdentifier = organisationIdentifier
        self.note = note
        self.sources = sources
    }
}

/// An award, ranking or event a source credits a city with ("IKCI award every year since 2015").
public struct Recognition: Hashable, Sendable, Codable {
    public var title: LocalizedText
    /// When: a date, or the first of a range ending at ``end``.
    public var date: PartialDate?
    public var end: PartialDate?
    public var sources: [SourceKey]

    public init(title: LocalizedText, date: PartialDate? = nil, end: PartialDate? = nil, sources: [SourceKey] = []) {
        self.title = title
        self.date = date
        self.end = end
        self.sources = sources
    }
}

/// Any actor other than a city government: club, school, embassy, government office, company, NGO.
public struct Organisation: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case governmentOffice = "government-office"
        case school, university, club, embassy, agency, company, ngo
        case internationalOrganisation = "international-organisation"
        case researchInstitute = "research-institute"
        case foundation, fund, association, consulate
        case other
    }

    public var id: OrganisationKey
    public var name: LocalizedText
    public var kind: Kind
    /// ISO 3166-1 alpha-2 code.
    public var country: String
    /// The city the organisation belongs to, when it is one of Kembar's cities.
    public var city: CityKey?
    /// Where it is based when that is not one of Kembar's cities ("Birkenhead, Merseyside").
    public var place: String?
    /// For embassies and consulates: the country they represent (ISO 3166-1 alpha-2); ``country`` is where they are.
    public var represents: String?
    /// Registry identifiers by scheme, e.g. `["iati": "GB-GOV-1"]`.
    public var identifiers: [String: String]
    public var sources: [SourceKey]

    public init(
        id: OrganisationKey, name: LocalizedText, kind: Kind, country: String, city: CityKey? = nil,
        place: String? = nil, represents: String? = nil, identifiers: [String: String] = [:],
        sources: [SourceKey] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.country = country
        self.city = city
        self.place = place
        self.represents = represents
        self.identifiers = identifiers
        self.sources = sources
    }
}
