//! The verified fact table in a compact binary form: build.rs packs it, the browser unpacks it with no JSON parser and no serde.
//!
//! Layout: the four bytes `SQT1`, then the table field by field in declaration order. Integers
//! and lengths are LEB128 varints; a string is its length and its UTF-8 bytes; a list is its
//! length and its items; an `Option` is a byte 0 or 1 and then the value; a field-less enum is
//! the byte of its variant's position. The macros below list every field of every type, so a
//! field added to a struct and not here fails to compile.

use crate::fact::{
    AnswerKind, Avoid, Count, Currency, Date, Evidence, Fact, FactId, Money, Precision, Related,
    Relation, Status, Topic, Value, Version,
};
use crate::source::{Source, SourceId, SourceKind};
use crate::table::FactTable;

const MAGIC: &[u8; 4] = b"SQT1";

/// The table as bytes for [`unpack`].
pub fn pack(table: &FactTable) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    table.pack(&mut out);
    out
}

/// The table `pack` wrote; an error (naming what and at which byte) for anything else.
pub fn unpack(bytes: &[u8]) -> Result<FactTable, String> {
    let Some(body) = bytes.strip_prefix(MAGIC) else {
        return Err("not a packed fact table (no SQT1 header)".into());
    };
    let mut input = Input { bytes: body, at: 0 };
    let table = FactTable::unpack(&mut input)?;
    match input.at == body.len() {
        true => Ok(table),
        false => Err(input.error("the end of the table")),
    }
}

struct Input<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Input<'_> {
    fn error(&self, expected: &str) -> String {
        format!(
            "packed fact table: expected {expected} at byte {}",
            self.at + MAGIC.len()
        )
    }

    fn byte(&mut self) -> Result<u8, String> {
        let byte = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| self.error("a byte"))?;
        self.at += 1;
        Ok(byte)
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.error("a shorter number"))
    }

    fn length(&mut self) -> Result<usize, String> {
        let length = usize::try_from(self.varint()?).map_err(|_| self.error("a length"))?;
        // Every item takes at least a byte: a length past the end is corrupt, never allocated.
        match length <= self.bytes.len() - self.at {
            true => Ok(length),
            false => Err(self.error("a length within the table")),
        }
    }
}

fn varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

trait Packed: Sized {
    fn pack(&self, out: &mut Vec<u8>);
    fn unpack(input: &mut Input) -> Result<Self, String>;
}

impl Packed for String {
    fn pack(&self, out: &mut Vec<u8>) {
        varint(out, self.len() as u64);
        out.extend_from_slice(self.as_bytes());
    }

    fn unpack(input: &mut Input) -> Result<String, String> {
        let length = input.length()?;
        let bytes = &input.bytes[input.at..input.at + length];
        let text = std::str::from_utf8(bytes).map_err(|_| input.error("UTF-8 text"))?;
        input.at += length;
        Ok(text.to_string())
    }
}

impl Packed for bool {
    fn pack(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }

    fn unpack(input: &mut Input) -> Result<bool, String> {
        match input.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(input.error("0 or 1")),
        }
    }
}

macro_rules! packed_integers {
    ($($ty:ty),*) => {$(
        impl Packed for $ty {
            fn pack(&self, out: &mut Vec<u8>) {
                varint(out, u64::from(*self));
            }

            fn unpack(input: &mut Input) -> Result<$ty, String> {
                let value = input.varint()?;
                <$ty>::try_from(value).map_err(|_| input.error(stringify!(a $ty)))
            }
        }
    )*};
}
packed_integers!(u8, u16, u32, u64);

impl<T: Packed> Packed for Option<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.pack(out);
            }
        }
    }

    fn unpack(input: &mut Input) -> Result<Option<T>, String> {
        match bool::unpack(input)? {
            false => Ok(None),
            true => T::unpack(input).map(Some),
        }
    }
}

impl<T: Packed> Packed for Vec<T> {
    fn pack(&self, out: &mut Vec<u8>) {
        varint(out, self.len() as u64);
        for item in self {
            item.pack(out);
        }
    }

    fn unpack(input: &mut Input) -> Result<Vec<T>, String> {
        let length = input.length()?;
        (0..length).map(|_| T::unpack(input)).collect()
    }
}

macro_rules! packed_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Packed for $ty {
            fn pack(&self, out: &mut Vec<u8>) {
                $(self.$field.pack(out);)*
            }

            fn unpack(input: &mut Input) -> Result<$ty, String> {
                Ok($ty { $($field: Packed::unpack(input)?,)* })
            }
        }
    };
}

macro_rules! packed_newtype {
    ($($ty:ident),*) => {$(
        impl Packed for $ty {
            fn pack(&self, out: &mut Vec<u8>) {
                self.0.pack(out);
            }

            fn unpack(input: &mut Input) -> Result<$ty, String> {
                String::unpack(input).map($ty)
            }
        }
    )*};
}

macro_rules! packed_enum {
    ($ty:ident { $($variant:ident),* $(,)? }) => {
        impl Packed for $ty {
            fn pack(&self, out: &mut Vec<u8>) {
                // Exhaustive: a new variant fails to compile until it is listed here.
                let index = match self { $($ty::$variant => $ty::$variant as u8,)* };
                out.push(index);
            }

            fn unpack(input: &mut Input) -> Result<$ty, String> {
                let index = input.byte()?;
                [$($ty::$variant),*]
                    .get(usize::from(index))
                    .copied()
                    .ok_or_else(|| input.error(concat!("a ", stringify!($ty))))
            }
        }
    };
}

packed_newtype!(FactId, Topic, SourceId);
packed_enum!(AnswerKind {
    Money,
    Date,
    Count,
    Person,
    Place,
    Organization,
    Country,
    Speaker,
    Term,
    SourceError
});
packed_enum!(Currency { Cad, Usd, Unstated });
packed_enum!(Precision { Year, Month, Day });
packed_enum!(Status {
    Corroborated,
    SingleSource,
    Conflicting
});
packed_enum!(Relation {
    PartOf,
    SameAs,
    PossiblySameAs
});
packed_enum!(SourceKind {
    Original,
    Translation,
    Rewrite
});
packed_struct!(Money {
    amount,
    currency,
    over,
    usd
});
packed_struct!(Date {
    year,
    month,
    day,
    precision,
    year_implied
});
packed_struct!(Count { value, unit });
packed_struct!(Evidence {
    source,
    quote,
    lead,
    tail
});
packed_struct!(Version { answer, evidence });
packed_struct!(Related { to, kind });
packed_struct!(Avoid { kind, why });
packed_struct!(Fact {
    id,
    topic,
    kind,
    ask,
    claim,
    statement,
    label,
    versions,
    spellings,
    not_distractors,
    distractors,
    quotation,
    about,
    correct,
    correction,
    class,
    related,
    note,
    avoid,
    group,
    status,
    independent_reports,
});
packed_struct!(Source {
    id,
    file,
    headline,
    outlet,
    kind,
    based_on,
    derives_from,
    notes,
    independence_group,
    text,
});
packed_struct!(FactTable { sources, facts });

impl Packed for Value {
    fn pack(&self, out: &mut Vec<u8>) {
        match self {
            Value::Money(money) => {
                out.push(0);
                money.pack(out);
            }
            Value::Date(date) => {
                out.push(1);
                date.pack(out);
            }
            Value::Count(count) => {
                out.push(2);
                count.pack(out);
            }
            Value::Text(text) => {
                out.push(3);
                text.pack(out);
            }
        }
    }

    fn unpack(input: &mut Input) -> Result<Value, String> {
        match input.byte()? {
            0 => Money::unpack(input).map(Value::Money),
            1 => Date::unpack(input).map(Value::Date),
            2 => Count::unpack(input).map(Value::Count),
            3 => String::unpack(input).map(Value::Text),
            _ => Err(input.error("a value kind")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_at_every_width() {
        for value in [
            0,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ] {
            let mut out = Vec::new();
            varint(&mut out, value);
            let mut input = Input { bytes: &out, at: 0 };
            assert_eq!(input.varint(), Ok(value));
            assert_eq!(input.at, out.len());
        }
    }

    #[test]
    fn a_table_round_trips_and_damage_is_an_error_never_a_panic() {
        let table = FactTable {
            sources: Vec::new(),
            facts: Vec::new(),
        };
        assert_eq!(unpack(&pack(&table)), Ok(table));
        assert_eq!(
            unpack(b"{}"),
            Err("not a packed fact table (no SQT1 header)".into())
        );
        assert_eq!(
            unpack(b"SQT1\x05"),
            Err("packed fact table: expected a length within the table at byte 5".into())
        );
        assert_eq!(
            unpack(b"SQT1\x00\x00\x00"),
            Err("packed fact table: expected the end of the table at byte 6".into())
        );
    }
}
