//! [`TextBuf`]: a growing string that skips UTF-8 validation when it is finished. Only
//! whole characters and ASCII bytes can go in, so what comes out is valid UTF-8 by
//! construction; validating again cost a pass over every article. The `unsafe` that
//! relies on this is here, next to every way of adding bytes.

/// A string under construction: normalization's output (see `text::normalize`).
#[derive(Debug, Default)]
pub struct TextBuf {
    /// Always valid UTF-8 between calls: every method keeps it so.
    bytes: Vec<u8>,
}

impl TextBuf {
    #[inline]
    pub fn with_capacity(n: usize) -> TextBuf {
        TextBuf {
            bytes: Vec::with_capacity(n),
        }
    }

    /// Bytes so far.
    #[inline]
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The last byte, if any.
    #[inline]
    pub fn last(&self) -> Option<u8> {
        self.bytes.last().copied()
    }

    /// Append one ASCII byte.
    ///
    /// # Panics
    /// If `b` is not ASCII (it would break the UTF-8 this buffer promises).
    #[inline]
    pub fn push_ascii(&mut self, b: u8) {
        assert!(b.is_ascii(), "TextBuf::push_ascii({b:#x})");
        self.bytes.push(b);
    }

    /// Append a character.
    #[inline]
    pub fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    /// Append the ASCII prefix `bytes[..n]` of `bytes`, each byte mapped through `map`
    /// (which maps ASCII to ASCII), as the byte-at-a-time copy kernels do.
    ///
    /// # Panics
    /// If a byte of the prefix, or its image, is not ASCII.
    #[inline]
    pub(super) fn extend_ascii_mapped(&mut self, bytes: &[u8], map: &[u8; 256]) {
        let at = self.bytes.len();
        self.bytes
            .extend(bytes.iter().map(|&b| map[usize::from(b)]));
        assert!(self.bytes[at..].is_ascii(), "TextBuf: non-ASCII copy");
    }

    /// Append the first `n` bytes of `block`: all of `block`, then cut back, for the
    /// block-at-a-time kernels (a copy of constant length is a few stores, where one of
    /// `n` bytes was a call to `memcpy`).
    ///
    /// # Safety
    /// The first `n` bytes of `block` must be ASCII (`n <= 64`): the caller knows it from
    /// its masks, where checking again would cost a pass over the bytes.
    #[inline]
    pub(super) unsafe fn extend_ascii_prefix(&mut self, block: &[u8; 64], n: usize) {
        debug_assert!(n <= 64 && block[..n].is_ascii());
        let at = self.bytes.len();
        self.bytes.extend_from_slice(block);
        self.bytes.truncate(at + n);
    }

    /// The finished string.
    #[inline]
    pub fn into_string(self) -> String {
        debug_assert!(std::str::from_utf8(&self.bytes).is_ok());
        // SAFETY: `bytes` starts empty and only grows by whole characters (`push_char`)
        // and by ASCII bytes (`push_ascii` and `extend_ascii_mapped` check them,
        // `extend_ascii_prefix` requires them), and is never cut inside a character
        // (`extend_ascii_prefix` cuts back to the end of its own ASCII bytes), so it is
        // valid UTF-8. The tests run with the debug assertion above.
        unsafe { String::from_utf8_unchecked(self.bytes) }
    }
}
