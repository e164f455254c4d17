//! A minimal zip writer: stored (uncompressed) entries with CRC-32, a fixed timestamp, no
//! extra fields, so the same files always give the same bytes (on the CLI and in the browser).
//!
//! Format: PKWARE APPNOTE 6.3.x, sections 4.3.7 (local file header), 4.3.12 (central directory
//! header) and 4.3.16 (end of central directory). Names are UTF-8 (general-purpose bit 11).
//! Packages are small (a 50-question quiz is well under 1 MB), so Zip64 is never needed.

/// DOS time and date of every entry: 00:00 on 24 August 2025, the day of the visit.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = ((2025 - 1980) << 9) | (8 << 5) | 24;
/// Version 2.0 of the format: what stored entries need.
const VERSION: u16 = 20;
const UTF8_NAMES: u16 = 1 << 11;

/// The zip archive of `files` (name, contents), in the order given.
pub fn stored(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let (size, name_len) = (data.len() as u32, name.len() as u16);
        // Local file header.
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        for field in [VERSION, UTF8_NAMES, 0, DOS_TIME, DOS_DATE] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        for field in [crc, size, size] {
            out.extend_from_slice(&field.to_le_bytes());
        }
        out.extend_from_slice(&name_len.to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Its central directory header.
        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        for field in [VERSION, VERSION, UTF8_NAMES, 0, DOS_TIME, DOS_DATE] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        for field in [crc, size, size] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        for field in [name_len, 0, 0, 0, 0] {
            central.extend_from_slice(&field.to_le_bytes());
        }
        central.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let (central_at, central_len) = (out.len() as u32, central.len() as u32);
    let entries = files.len() as u16;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    for field in [0, 0, entries, entries] {
        out.extend_from_slice(&field.to_le_bytes());
    }
    out.extend_from_slice(&central_len.to_le_bytes());
    out.extend_from_slice(&central_at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320), bit by bit: packages are small,
/// and a 1 KB table would only grow the page's wasm.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_archive_has_each_entry_then_the_directory_then_its_end() {
        let zip = stored(&[
            ("a.txt".into(), b"hi".to_vec()),
            ("b/c.xml".into(), Vec::new()),
        ]);
        assert_eq!(&zip[..4], b"PK\x03\x04");
        let end = zip.len() - 22;
        assert_eq!(&zip[end..end + 4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([zip[end + 10], zip[end + 11]]), 2);
        let central_at = u32::from_le_bytes(zip[end + 16..end + 20].try_into().unwrap()) as usize;
        assert_eq!(&zip[central_at..central_at + 4], b"PK\x01\x02");
        assert_eq!(
            stored(&[("a.txt".into(), b"hi".to_vec())]),
            stored(&[("a.txt".into(), b"hi".to_vec())])
        );
    }
}
