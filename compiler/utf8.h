/* UTF-8 decoding, validation and display width (via utf8proc).
 * Columns in diagnostics count characters; carets are placed by display width,
 * where a CJK character takes two terminal columns. */
#ifndef JX_UTF8_H
#define JX_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Byte offset of the first byte that does not start a valid UTF-8 sequence,
 * or len when the whole buffer is valid. */
size_t jx_utf8_invalid_at(const char *s, size_t len);

/* Decodes one code point from s (len > 0). Returns the bytes used, at least 1;
 * *cp is -1 when the bytes are not valid UTF-8. */
int jx_utf8_decode(const char *s, size_t len, int32_t *cp);

/* Terminal columns a code point occupies: 2 for wide (CJK) characters, 0 for
 * combining marks and controls, 1 otherwise. */
int jx_utf8_cp_width(int32_t cp);

/* Whether cp is East Asian Ambiguous (≥, ≤, “, …): one column in most
 * terminals, two in those set to draw ambiguous characters wide. */
bool jx_utf8_is_ambiguous(int32_t cp);

/* Display width of a UTF-8 string; invalid bytes count one column each. */
size_t jx_utf8_width(const char *s, size_t len);

/* Number of code points in s; an invalid byte counts as one. */
size_t jx_utf8_length(const char *s, size_t len);

/* The same for s known to be valid UTF-8 (jx_utf8_invalid_at said so):
 * only the bytes that start a character are counted, eight at a time. */
size_t jx_utf8_count_valid(const char *s, size_t len);

/* Whether cp may appear in a word (letters, marks, other symbols; ASCII '_',
 * and '-' when not first). Digits and punctuation end a word. */
bool jx_utf8_is_word_cp(int32_t cp, bool first);

/* Edit distance in code points, a swap of two neighbours counting as one
 * edit (optimal string alignment); strings longer than 32 code points are
 * compared on their first 32. */
size_t jx_edit_distance(const char *a, const char *b);

/* A name as a key that survives the drift of names between documents and
 * years: NFKC (full-width letters, digits and brackets become half-width),
 * case folded, with all white space removed. malloc'd; caller frees. */
char *jx_utf8_name_key(const char *s);

/* Writes cp as UTF-8 into out (at least 4 bytes); returns the byte count. */
int jx_utf8_encode(int32_t cp, char *out);

#endif
