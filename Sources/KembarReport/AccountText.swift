import KembarCore

/// The words of signing in, accounts and permissions, in both languages.
extension WebText {
    public static func signIn(_ l: Language) -> String { l == .en ? "Sign in" : "Masuk" }
    public static func signOut(_ l: Language) -> String { l == .en ? "Sign out" : "Keluar" }
    public static func newKeyHint(_ l: Language) -> String {
        l == .en
            ? "Leave empty and Kembar makes it from the title or name. Lower-case letters, digits, - and .; it cannot change later."
            : "Biarkan kosong dan Kembar membuatnya dari judul atau nama. Huruf kecil, angka, - dan .; tidak dapat diubah kemudian."
    }
    /// The heading of an error page.
    public static func errorHeading(_ code: Int, _ l: Language) -> String {
        switch code {
        case 404: l == .en ? "Page not found" : "Halaman tidak ditemukan"
        case 403: l == .en ? "Not permitted" : "Tidak diizinkan"
        case 409: l == .en ? "Written by a newer Kembar" : "Ditulis oleh Kembar yang lebih baru"
        case 413: l == .en ? "Too large" : "Terlalu besar"
        case 421: l == .en ? "Wrong address" : "Alamat salah"
        case 503: l == .en ? "Busy" : "Sedang sibuk"
        case 500...: l == .en ? "Something went wrong" : "Terjadi kesalahan"
        default: l == .en ? "The request could not be used" : "Permintaan tidak dapat diproses"
        }
    }
    public static func notFound(_ l: Language) -> String {
        l == .en
            ? "Kembar has no page at this address: it may be mistyped, or the record was deleted or is not public."
            : "Kembar tidak memiliki halaman di alamat ini: mungkin salah ketik, atau datanya sudah dihapus atau tidak publik."
    }
    public static func goBack(_ l: Language) -> String { l == .en ? "Go back" : "Kembali" }
    public static func toDashboard(_ l: Language) -> String { l == .en ? "To the dashboard" : "Ke dasbor" }
    /// A confirmation naming files that are no longer waiting.
    public static func previewExpired(_ l: Language) -> String {
        l == .en
            ? "This preview is no longer waiting (it is kept for an hour, and only for the account that made it): choose the files again."
            : "Pratinjau ini sudah tidak menunggu (disimpan satu jam, hanya untuk akun yang membuatnya): pilih berkas lagi."
    }
    /// A record marked internal, as its page says so to the signed-in readers who see it.
    public static func visibility(_ l: Language) -> String { l == .en ? "Visibility" : "Visibilitas" }
    public static func internalOnly(_ l: Language) -> String {
        l == .en
            ? "Internal: only signed-in readers see this record"
            : "Internal: hanya pembaca yang masuk yang melihat catatan ini"
    }
    /// After the title of an internal record in a table.
    public static func internalMark(_ isInternal: Bool?, _ l: Language) -> String {
        isInternal == true ? (l == .en ? " (internal)" : " (internal)") : ""
    }
    public static func signedInAs(_ name: String, _ l: Language) -> String {
        l == .en ? "Signed in as \(name)" : "Masuk sebagai \(name)"
    }
    public static func email(_ l: Language) -> String { l == .en ? "E-mail address" : "Alamat surel" }
    public static func password(_ l: Language) -> String { l == .en ? "Password" : "Kata sandi" }
    public static func name(_ l: Language) -> String { l == .en ? "Name" : "Nama" }
    public static func currentPassword(_ l: Language) -> String {
        l == .en ? "Current password" : "Kata sandi saat ini"
    }
    public static func newPassword(_ l: Language) -> String { l == .en ? "New password" : "Kata sandi baru" }
    public static func repeatPassword(_ l: Language) -> String {
        l == .en ? "New password again" : "Ulangi kata sandi baru"
    }
    public static func passwordAgain(_ l: Language) -> String { l == .en ? "Password again" : "Ulangi kata sandi" }
    public static func changePassword(_ l: Language) -> String { l == .en ? "Change password" : "Ganti kata sandi" }
    public static func passwordHint(_ l: Language) -> String {
        l == .en
            ? "At least 10 characters; a few unrelated words are easy to remember and hard to guess."
            : "Paling sedikit 10 karakter; beberapa kata yang tidak berhubungan mudah diingat dan sulit ditebak."
    }
    public static func yourAccount(_ l: Language) -> String { l == .en ? "Your account" : "Akun Anda" }
    public static func roles(_ l: Language) -> String { l == .en ? "Roles" : "Peran" }
    public static func mayDo(_ l: Language) -> String { l == .en ? "What you may do" : "Yang boleh Anda lakukan" }
    public static func setupHeading(_ l: Language) -> String {
        l == .en ? "Create the first administrator" : "Buat administrator pertama"
    }
    public static func setupIntro(_ l: Language) -> String {
        l == .en
            ? "No one has an account on this Kembar yet. The account made here administers everything; editors and viewers are added on the server with kembar user add. This page works only until it is used, and only on this computer."
            : "Belum ada yang memiliki akun di Kembar ini. Akun yang dibuat di sini mengelola semuanya; editor dan pembaca ditambahkan di server dengan kembar user add. Halaman ini hanya berfungsi sampai dipakai, dan hanya di komputer ini."
    }
    public static func setupClosed(_ l: Language) -> String {
        l == .en
            ? "This Kembar already has an administrator, or the page was opened from another computer. Ask an administrator for an account, or run `kembar user add` on the server."
            : "Kembar ini sudah memiliki administrator, atau halaman dibuka dari komputer lain. Mintalah akun kepada administrator, atau jalankan `kembar user add` di server."
    }
    public static func createAccount(_ l: Language) -> String { l == .en ? "Create account" : "Buat akun" }

    /// The one message of a failed sign-in: it never says whether the address exists.
    public static func signInFailed(_ l: Language) -> String {
        l == .en ? "The e-mail address or password is not right." : "Alamat surel atau kata sandi tidak benar."
    }
    public static func tooManyAttempts(_ l: Language) -> String {
        l == .en
            ? "Too many failed sign-ins. Wait a quarter of an hour and try again."
            : "Terlalu banyak percobaan masuk yang gagal. Tunggu seperempat jam lalu coba lagi."
    }
    public static func signInToChange(_ l: Language) -> String {
        l == .en ? "Sign in to change records." : "Masuklah untuk mengubah data."
    }
    public static func mayNotWrite(_ l: Language) -> String {
        l == .en
            ? "Your account may read records but not change them."
            : "Akun Anda boleh membaca data tetapi tidak mengubahnya."
    }
    public static func notPermitted(_ records: [String], _ l: Language) -> String {
        let list = records.prefix(10).joined(separator: ", ") + (records.count > 10 ? " …" : "")
        return l == .en
            ? "Your roles do not allow changing these records, so nothing was saved: \(list). Editors change the records of their own cities and of partnerships with them."
            : "Peran Anda tidak mengizinkan mengubah data ini, jadi tidak ada yang disimpan: \(list). Editor mengubah data kotanya sendiri dan kemitraan dengan kota itu."
    }
    public static func formExpired(_ l: Language) -> String {
        l == .en
            ? "This form has expired or did not come from Kembar. Open the page again and repeat the change."
            : "Formulir ini sudah kedaluwarsa atau tidak berasal dari Kembar. Buka halaman lagi dan ulangi perubahan."
    }
    public static func wrongHost(_ l: Language) -> String {
        l == .en
            ? "This server does not answer to that address. Use the address the office gave you."
            : "Server ini tidak melayani alamat itu. Gunakan alamat yang diberikan kantor Anda."
    }
    public static func tokenInvalid(_ l: Language) -> String {
        l == .en ? "This API token is not valid or has been revoked." : "Token API ini tidak sah atau sudah dicabut."
    }
    public static func tokens(_ l: Language) -> String { l == .en ? "API tokens" : "Token API" }
    public static func tokensIntro(_ l: Language) -> String {
        l == .en
            ? "A token lets a script read and write as you, with your roles: send it as Authorization: Bearer TOKEN. It is shown once; revoke one you no longer use."
            : "Token membuat skrip dapat membaca dan menulis atas nama Anda, dengan peran Anda: kirimkan sebagai Authorization: Bearer TOKEN. Token ditampilkan sekali; cabut token yang tidak dipakai lagi."
    }
    public static func tokenName(_ l: Language) -> String { l == .en ? "What the token is for" : "Kegunaan token" }
    public static func createToken(_ l: Language) -> String { l == .en ? "Create token" : "Buat token" }
    public static func revokeToken(_ l: Language) -> String { l == .en ? "Revoke" : "Cabut" }
    public static func tokenShownOnce(_ l: Language) -> String {
        l == .en
            ? "Your new token — copy it now, it will not be shown again:"
            : "Token baru Anda — salin sekarang, token ini tidak akan ditampilkan lagi:"
    }
    public static func created(_ l: Language) -> String { l == .en ? "Created" : "Dibuat" }
    public static func lastUsed(_ l: Language) -> String { l == .en ? "Last used" : "Terakhir dipakai" }
    public static func revoked(_ l: Language) -> String { l == .en ? "revoked" : "dicabut" }
    public static func tokenRevoked(_ l: Language) -> String { l == .en ? "Token revoked." : "Token dicabut." }
    public static func documentsByUpload(_ l: Language) -> String {
        l == .en
            ? "A document comes with its file: upload it from its record's page. Through the API it can only be deleted."
            : "Dokumen datang bersama berkasnya: unggah dari halaman datanya. Melalui API dokumen hanya dapat dihapus."
    }

    public static func bodyMissing(_ l: Language) -> String {
        l == .en
            ? "Send the record as JSON in the dataset format (docs/DATASET.md)."
            : "Kirim data sebagai JSON dalam format dataset (docs/DATASET.md)."
    }

    public static func versionNeeded(_ l: Language) -> String {
        l == .en
            ? "Say which version you changed: send If-Match with the version you read (the ETag of your last write or read of it)."
            : "Sebutkan versi yang Anda ubah: kirim If-Match dengan versi yang Anda baca (ETag dari penulisan atau pembacaan terakhir)."
    }

    public static func changedSince(_ version: Int, _ l: Language) -> String {
        l == .en
            ? "The record was changed since the version you read; it is now at version \(version). Read it again, then change it."
            : "Data ini telah diubah sejak versi yang Anda baca; kini versi \(version). Baca lagi, lalu ubah."
    }

    public static func notOneRecord(_ collection: String, _ l: Language) -> String {
        l == .en
            ? "Send exactly one record of '\(collection)', as a JSON object in the dataset format."
            : "Kirim tepat satu data '\(collection)', sebagai objek JSON dalam format dataset."
    }

    public static func cursorInvalid(_ l: Language) -> String {
        l == .en
            ? "This cursor is not one Kembar gave for this list and sort: start again without it, and follow each page's `next`."
            : "Kursor ini bukan yang diberikan Kembar untuk daftar dan urutan ini: mulai lagi tanpa kursor, lalu ikuti `next` tiap halaman."
    }

    public static func invalidInput(_ count: Int, _ l: Language) -> String {
        l == .en
            ? (count == 1 ? "One rule is broken" : "\(count) rules are broken") + "; nothing was changed."
            : "\(count) aturan dilanggar; tidak ada yang diubah."
    }

    public static func unreadableRequest(_ l: Language) -> String {
        l == .en
            ? "What was sent is not a form Kembar can read, so nothing was changed. Use the form on Kembar's page."
            : "Yang dikirim bukan formulir yang dapat dibaca Kembar, jadi tidak ada yang diubah. Gunakan formulir di halaman Kembar."
    }
    public static func tooLarge(_ l: Language) -> String {
        l == .en
            ? "What was sent is larger than Kembar accepts (1 MB for a form, 50 MB for an import), so nothing was saved. Go back: the browser still holds what you typed; shorten the longest texts, or import large files in parts."
            : "Yang dikirim lebih besar dari yang diterima Kembar (1 MB untuk formulir, 50 MB untuk impor), jadi tidak ada yang disimpan. Kembalilah: peramban masih menyimpan isian Anda; persingkat teks terpanjang, atau impor berkas besar per bagian."
    }
    public static func crossSite(_ l: Language) -> String {
        l == .en
            ? "A change was sent from another website, so Kembar refused it."
            : "Perubahan dikirim dari situs web lain, jadi Kembar menolaknya."
    }
    public static func passwordTooShort(_ l: Language) -> String {
        l == .en
            ? "Choose a password of at least 10 characters (and at most 72)."
            : "Pilih kata sandi paling sedikit 10 karakter (dan paling banyak 72)."
    }
    public static func passwordsDiffer(_ l: Language) -> String {
        l == .en ? "The two new passwords are not the same." : "Kedua kata sandi baru tidak sama."
    }
    public static func currentPasswordWrong(_ l: Language) -> String {
        l == .en ? "The current password is not right." : "Kata sandi saat ini tidak benar."
    }
    public static func passwordChanged(_ l: Language) -> String {
        l == .en
            ? "Password changed. Your other sessions were signed out."
            : "Kata sandi diganti. Sesi Anda yang lain telah dikeluarkan."
    }
    public static func accountProblem(_ problem: String, _ l: Language) -> String {
        switch problem {
        case "emailTaken":
            l == .en ? "An account with this e-mail address exists." : "Akun dengan alamat surel ini sudah ada."
        case "emailInvalid":
            l == .en
                ? "Enter an e-mail address such as name@example.org."
                : "Masukkan alamat surel seperti nama@contoh.go.id."
        case "nameMissing": l == .en ? "Enter a name." : "Masukkan nama."
        case "notFirst": setupClosed(l)
        default: l == .en ? "Give the account a role." : "Berikan peran untuk akun ini."
        }
    }

    /// A role in words: "editor of Surabaya, Liverpool".
    public static func role(_ role: Role, cityName: (CityKey) -> String, _ l: Language) -> String {
        func names(_ keys: [CityKey]) -> String { keys.map(cityName).joined(separator: ", ") }
        switch role {
        case .viewer: return l == .en ? "viewer (reads every record)" : "pembaca (membaca semua data)"
        case .editor(let keys): return l == .en ? "editor of \(names(keys))" : "editor \(names(keys))"
        case .cityAdministrator(let keys):
            return l == .en ? "city administrator of \(names(keys))" : "administrator kota \(names(keys))"
        case .administrator: return l == .en ? "administrator (everything)" : "administrator (semuanya)"
        }
    }

    /// What a grant allows, in a sentence.
    public static func allows(_ grant: Grant, cityName: (CityKey) -> String, _ l: Language) -> String {
        if grant.everything {
            return l == .en
                ? "You may change every record, the fields and frameworks too. Accounts are managed on the server with kembar user."
                : "Anda boleh mengubah semua data, termasuk bidang dan kerangka. Akun dikelola di server dengan kembar user."
        }
        if grant.cities.isEmpty {
            return l == .en
                ? "You may read every record; you may not change any."
                : "Anda boleh membaca semua data; Anda tidak boleh mengubahnya."
        }
        let names = grant.cities.sorted().map(cityName).joined(separator: ", ")
        return l == .en
            ? "You may change the records of \(names): the cities, their initiatives and observations, and every partnership with one of them, with its agreements, milestones and activities; and add sources and organisations."
            : "Anda boleh mengubah data \(names): kota-kota itu, inisiatif dan pengamatannya, dan setiap kemitraan dengan salah satunya, beserta perjanjian, tonggak, dan kegiatannya; serta menambah sumber dan organisasi."
    }
}

/// The words of a record's history.
extension WebText {
    public static func history(_ l: Language) -> String { l == .en ? "History" : "Riwayat" }
    public static func historyOf(_ name: String, _ l: Language) -> String {
        l == .en ? "History of \(name)" : "Riwayat \(name)"
    }
    public static func historyLead(_ l: Language) -> String {
        l == .en
            ? "Every change to this record, newest first: who made it, when, through what, and each field before and after."
            : "Setiap perubahan data ini, yang terbaru lebih dahulu: siapa yang membuatnya, kapan, melalui apa, dan setiap isian sebelum dan sesudahnya."
    }
    public static func noHistory(_ l: Language) -> String {
        l == .en ? "No change to this record is recorded." : "Tidak ada perubahan data ini yang tercatat."
    }
    public static func before(_ l: Language) -> String { l == .en ? "Before" : "Sebelum" }
    public static func after(_ l: Language) -> String { l == .en ? "After" : "Sesudah" }
    public static func field(_ l: Language) -> String { l == .en ? "Field" : "Isian" }
    public static func revert(_ l: Language) -> String {
        l == .en ? "Put back as it was before this change" : "Kembalikan seperti sebelum perubahan ini"
    }
    public static func reverted(_ l: Language) -> String {
        l == .en
            ? "Put back as it was; the revert is itself in the history."
            : "Dikembalikan; pengembalian ini juga tercatat dalam riwayat."
    }
    public static func onlyAdministrators(_ l: Language) -> String {
        l == .en ? "Only an administrator may do this." : "Hanya administrator yang boleh melakukan ini."
    }
    public static func action(_ action: String, _ l: Language) -> String {
        switch action {
        case "create": l == .en ? "created" : "dibuat"
        case "delete": l == .en ? "deleted" : "dihapus"
        default: l == .en ? "changed" : "diubah"
        }
    }
    public static func channel(_ channel: String, _ l: Language) -> String {
        switch channel {
        case "form": l == .en ? "web form" : "formulir web"
        case "import": l == .en ? "import" : "impor"
        case "api": "API"
        case "cli": l == .en ? "command line" : "baris perintah"
        case "seed": l == .en ? "bundled data" : "data bawaan"
        default: channel
        }
    }
    public static func andMoreFields(_ count: Int, _ l: Language) -> String {
        l == .en ? "and \(count) more fields" : "dan \(count) isian lainnya"
    }
}

/// The words of managing accounts.
extension WebText {
    public static func users(_ l: Language) -> String { l == .en ? "Accounts" : "Akun" }
    public static func usersIntro(_ l: Language) -> String {
        l == .en
            ? "The accounts you manage. Roles are written as codes separated by spaces: viewer, editor:CITY (several cities with commas), and for administrators city-admin:CITY and admin."
            : "Akun yang Anda kelola. Peran ditulis sebagai kode dipisahkan spasi: viewer, editor:KOTA (beberapa kota dengan koma), dan bagi administrator city-admin:KOTA dan admin."
    }
    public static func addAccount(_ l: Language) -> String { l == .en ? "Add an account" : "Tambah akun" }
    public static func saveRoles(_ l: Language) -> String { l == .en ? "Save roles" : "Simpan peran" }
    public static func rolesCodes(_ l: Language) -> String { l == .en ? "Roles (codes)" : "Peran (kode)" }
    public static func temporaryPassword(_ email: String, _ password: String, _ l: Language) -> String {
        l == .en
            ? "Account \(email) added. Give them this temporary password, which is shown only now, and ask them to change it on their account page: \(password)"
            : "Akun \(email) ditambahkan. Berikan kata sandi sementara ini, yang hanya ditampilkan sekarang, dan minta ia menggantinya di halaman akunnya: \(password)"
    }
    public static func rolesSaved(_ l: Language) -> String { l == .en ? "Roles saved." : "Peran disimpan." }
    public static func rolesNotAllowed(_ l: Language) -> String {
        l == .en
            ? "You may not give these roles, or manage this account: a city administrator manages the viewers and the editors of their own cities."
            : "Anda tidak boleh memberikan peran ini atau mengelola akun ini: administrator kota mengelola pembaca dan editor kotanya sendiri."
    }
    public static func rolesUnreadable(_ text: String, _ l: Language) -> String {
        l == .en
            ? "'\(text)' is not a list of roles (viewer, editor:surabaya, city-admin:surabaya, admin), or names a city Kembar does not have."
            : "'\(text)' bukan daftar peran (viewer, editor:surabaya, city-admin:surabaya, admin), atau menyebut kota yang tidak ada di Kembar."
    }
}
