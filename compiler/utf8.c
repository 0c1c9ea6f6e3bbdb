#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int jx_utf8_decode(const char *s, size_t len, int32_t *cp) {
  /* Decoded here rather than by utf8proc_iterate: this runs on every byte
   * of every file, and the rules are few. Overlong forms, surrogates and
   * code points above U+10FFFF are invalid. */
  const unsigned char *u = (const unsigned char *)s;
  *cp = -1;
  if (!len) return 1;
  unsigned char c = u[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  int n;
  int32_t v, min;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2, v = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, v = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, v = c & 0x07, min = 0x10000;
  } else {
    return 1;
  }
  if (len < (size_t)n) return 1;
  for (int i = 1; i < n; i++) {
    if ((u[i] & 0xC0) != 0x80) return 1;
    v = (v << 6) | (u[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 1;
  *cp = v;
  return n;
}

/* A character of three bytes led by E1-EC or EE-EF (most of Chinese text):
 * it can be neither overlong nor a surrogate, so two continuation bytes
 * make it valid. At least three bytes are at u. */
static inline bool common_three(const unsigned char *u) {
  return (unsigned)(u[0] - 0xE1) <= 0x0E && u[0] != 0xED && (u[1] & 0xC0) == 0x80 &&
         (u[2] & 0xC0) == 0x80;
}

size_t jx_utf8_invalid_at(const char *s, size_t len) {
  /* Source text alternates short runs of ASCII (about four bytes: spaces,
   * digits, keywords in Latin letters) with runs of Chinese characters:
   * each kind of run is crossed by a loop of its own. */
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < len) {
    if (u[i] < 0x80) {
      uint64_t x; /* long runs (XML markup, indentation) eight bytes at a time */
      while (len - i >= 8 && (memcpy(&x, u + i, 8), !(x & 0x8080808080808080u))) i += 8;
      while (i < len && u[i] < 0x80) i++;
      continue;
    }
    if (len - i >= 3 && common_three(u + i)) {
      do i += 3;
      while (len - i >= 3 && common_three(u + i));
      continue;
    }
    int32_t cp;
    int n = jx_utf8_decode(s + i, len - i, &cp);
    if (cp < 0) return i;
    i += (size_t)n;
  }
  return len;
}

int jx_utf8_cp_width(int32_t cp) {
  if (cp < 0) return 1;
  if (cp == '\t') return 1;
  int w = utf8proc_charwidth(cp);
  return w < 0 ? 0 : w;
}

/* The code points of East Asian Width "A" (ambiguous), from Unicode 14.0.0's
 * EastAsianWidth.txt (generated with Python's unicodedata): ≥ ≤ “ ” … — × °
 * ① and others, which a terminal draws one column wide or two, depending on
 * its setting. */
static const int32_t ambiguous[][2] = {
    {0x00A1, 0x00A1}, {0x00A4, 0x00A4}, {0x00A7, 0x00A8}, {0x00AA, 0x00AA},
    {0x00AD, 0x00AE}, {0x00B0, 0x00B4}, {0x00B6, 0x00BA}, {0x00BC, 0x00BF},
    {0x00C6, 0x00C6}, {0x00D0, 0x00D0}, {0x00D7, 0x00D8}, {0x00DE, 0x00E1},
    {0x00E6, 0x00E6}, {0x00E8, 0x00EA}, {0x00EC, 0x00ED}, {0x00F0, 0x00F0},
    {0x00F2, 0x00F3}, {0x00F7, 0x00FA}, {0x00FC, 0x00FC}, {0x00FE, 0x00FE},
    {0x0101, 0x0101}, {0x0111, 0x0111}, {0x0113, 0x0113}, {0x011B, 0x011B},
    {0x0126, 0x0127}, {0x012B, 0x012B}, {0x0131, 0x0133}, {0x0138, 0x0138},
    {0x013F, 0x0142}, {0x0144, 0x0144}, {0x0148, 0x014B}, {0x014D, 0x014D},
    {0x0152, 0x0153}, {0x0166, 0x0167}, {0x016B, 0x016B}, {0x01CE, 0x01CE},
    {0x01D0, 0x01D0}, {0x01D2, 0x01D2}, {0x01D4, 0x01D4}, {0x01D6, 0x01D6},
    {0x01D8, 0x01D8}, {0x01DA, 0x01DA}, {0x01DC, 0x01DC}, {0x0251, 0x0251},
    {0x0261, 0x0261}, {0x02C4, 0x02C4}, {0x02C7, 0x02C7}, {0x02C9, 0x02CB},
    {0x02CD, 0x02CD}, {0x02D0, 0x02D0}, {0x02D8, 0x02DB}, {0x02DD, 0x02DD},
    {0x02DF, 0x02DF}, {0x0300, 0x036F}, {0x0391, 0x03A1}, {0x03A3, 0x03A9},
    {0x03B1, 0x03C1}, {0x03C3, 0x03C9}, {0x0401, 0x0401}, {0x0410, 0x044F},
    {0x0451, 0x0451}, {0x2010, 0x2010}, {0x2013, 0x2016}, {0x2018, 0x2019},
    {0x201C, 0x201D}, {0x2020, 0x2022}, {0x2024, 0x2027}, {0x2030, 0x2030},
    {0x2032, 0x2033}, {0x2035, 0x2035}, {0x203B, 0x203B}, {0x203E, 0x203E},
    {0x2074, 0x2074}, {0x207F, 0x207F}, {0x2081, 0x2084}, {0x20AC, 0x20AC},
    {0x2103, 0x2103}, {0x2105, 0x2105}, {0x2109, 0x2109}, {0x2113, 0x2113},
    {0x2116, 0x2116}, {0x2121, 0x2122}, {0x2126, 0x2126}, {0x212B, 0x212B},
    {0x2153, 0x2154}, {0x215B, 0x215E}, {0x2160, 0x216B}, {0x2170, 0x2179},
    {0x2189, 0x2189}, {0x2190, 0x2199}, {0x21B8, 0x21B9}, {0x21D2, 0x21D2},
    {0x21D4, 0x21D4}, {0x21E7, 0x21E7}, {0x2200, 0x2200}, {0x2202, 0x2203},
    {0x2207, 0x2208}, {0x220B, 0x220B}, {0x220F, 0x220F}, {0x2211, 0x2211},
    {0x2215, 0x2215}, {0x221A, 0x221A}, {0x221D, 0x2220}, {0x2223, 0x2223},
    {0x2225, 0x2225}, {0x2227, 0x222C}, {0x222E, 0x222E}, {0x2234, 0x2237},
    {0x223C, 0x223D}, {0x2248, 0x2248}, {0x224C, 0x224C}, {0x2252, 0x2252},
    {0x2260, 0x2261}, {0x2264, 0x2267}, {0x226A, 0x226B}, {0x226E, 0x226F},
    {0x2282, 0x2283}, {0x2286, 0x2287}, {0x2295, 0x2295}, {0x2299, 0x2299},
    {0x22A5, 0x22A5}, {0x22BF, 0x22BF}, {0x2312, 0x2312}, {0x2460, 0x24E9},
    {0x24EB, 0x254B}, {0x2550, 0x2573}, {0x2580, 0x258F}, {0x2592, 0x2595},
    {0x25A0, 0x25A1}, {0x25A3, 0x25A9}, {0x25B2, 0x25B3}, {0x25B6, 0x25B7},
    {0x25BC, 0x25BD}, {0x25C0, 0x25C1}, {0x25C6, 0x25C8}, {0x25CB, 0x25CB},
    {0x25CE, 0x25D1}, {0x25E2, 0x25E5}, {0x25EF, 0x25EF}, {0x2605, 0x2606},
    {0x2609, 0x2609}, {0x260E, 0x260F}, {0x261C, 0x261C}, {0x261E, 0x261E},
    {0x2640, 0x2640}, {0x2642, 0x2642}, {0x2660, 0x2661}, {0x2663, 0x2665},
    {0x2667, 0x266A}, {0x266C, 0x266D}, {0x266F, 0x266F}, {0x269E, 0x269F},
    {0x26BF, 0x26BF}, {0x26C6, 0x26CD}, {0x26CF, 0x26D3}, {0x26D5, 0x26E1},
    {0x26E3, 0x26E3}, {0x26E8, 0x26E9}, {0x26EB, 0x26F1}, {0x26F4, 0x26F4},
    {0x26F6, 0x26F9}, {0x26FB, 0x26FC}, {0x26FE, 0x26FF}, {0x273D, 0x273D},
    {0x2776, 0x277F}, {0x2B56, 0x2B59}, {0x3248, 0x324F}, {0xE000, 0xF8FF},
    {0xFE00, 0xFE0F}, {0xFFFD, 0xFFFD}, {0x1F100, 0x1F10A}, {0x1F110, 0x1F12D},
    {0x1F130, 0x1F169}, {0x1F170, 0x1F18D}, {0x1F18F, 0x1F190}, {0x1F19B, 0x1F1AC},
    {0xE0100, 0xE01EF}, {0xF0000, 0xFFFFD}, {0x100000, 0x10FFFD},
};

bool jx_utf8_is_ambiguous(int32_t cp) {
  size_t lo = 0, hi = sizeof ambiguous / sizeof ambiguous[0];
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < ambiguous[mid][0])
      hi = mid;
    else if (cp > ambiguous[mid][1])
      lo = mid + 1;
    else
      return true;
  }
  return false;
}

size_t jx_utf8_width(const char *s, size_t len) {
  size_t w = 0;
  for (size_t i = 0; i < len;) {
    int32_t cp;
    i += (size_t)jx_utf8_decode(s + i, len - i, &cp);
    w += (size_t)jx_utf8_cp_width(cp);
  }
  return w;
}

size_t jx_utf8_length(const char *s, size_t len) {
  /* The same fast paths as jx_utf8_invalid_at (runs of ASCII, common
   * three-byte characters); an invalid byte counts as one. */
  const unsigned char *u = (const unsigned char *)s;
  size_t n = 0;
  for (size_t i = 0; i < len; n++) {
    uint64_t x;
    if (u[i] < 0x80 && len - i >= 8 && (memcpy(&x, u + i, 8), !(x & 0x8080808080808080u))) {
      i += 8;
      n += 7;
      continue;
    }
    if (len - i >= 3 && common_three(u + i)) {
      i += 3;
      continue;
    }
    int32_t cp;
    i += (size_t)jx_utf8_decode(s + i, len - i, &cp);
  }
  return n;
}

size_t jx_utf8_count_valid(const char *s, size_t len) {
  const unsigned char *u = (const unsigned char *)s;
  size_t continuations = 0, i = 0;
  for (; len - i >= 8; i += 8) {
    uint64_t x;
    memcpy(&x, u + i, 8);
    /* A continuation byte is 10xxxxxx: its top bit set, the next clear. */
    continuations += (size_t)__builtin_popcountll(x & ~(x << 1) & 0x8080808080808080u);
  }
  for (; i < len; i++) continuations += (u[i] & 0xC0) == 0x80;
  return len - continuations;
}

bool jx_utf8_is_word_cp(int32_t cp, bool first) {
  if (cp < 0) return false;
  if (cp < 0x80)
    return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || cp == '_' ||
           (cp == '-' && !first);
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_SO:
      return true;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return !first;
    default:
      return false;
  }
}

char *jx_utf8_name_key(const char *s) {
  utf8proc_uint8_t *mapped = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &mapped,
                                    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                        UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
  const char *text = n >= 0 ? (const char *)mapped : s;
  size_t len = strlen(text);
  char *out = malloc(len + 1);
  if (!out) abort();
  size_t k = 0;
  for (size_t i = 0; i < len;) {
    int32_t cp;
    int step = jx_utf8_decode(text + i, len - i, &cp);
    bool space = cp == '\t' || cp == '\n' || cp == '\r' ||
                 (cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS);
    if (!space) {
      memcpy(out + k, text + i, (size_t)step);
      k += (size_t)step;
    }
    i += (size_t)step;
  }
  out[k] = '\0';
  free(mapped);
  return out;
}

int jx_utf8_encode(int32_t cp, char *out) {
  return (int)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

static size_t decode_all(const char *s, int32_t *out, size_t max) {
  size_t n = 0;
  for (size_t i = 0, len = strlen(s); i < len && n < max; n++)
    i += (size_t)jx_utf8_decode(s + i, len - i, &out[n]);
  return n;
}

size_t jx_edit_distance(const char *a, const char *b) {
  enum { MAX = 32 };
  int32_t x[MAX], y[MAX];
  size_t nx = decode_all(a, x, MAX), ny = decode_all(b, y, MAX);
  size_t d[MAX + 1][MAX + 1];
  for (size_t i = 0; i <= nx; i++) d[i][0] = i;
  for (size_t j = 0; j <= ny; j++) d[0][j] = j;
  for (size_t i = 1; i <= nx; i++)
    for (size_t j = 1; j <= ny; j++) {
      size_t cost = x[i - 1] != y[j - 1];
      size_t best = d[i - 1][j - 1] + cost;
      if (d[i - 1][j] + 1 < best) best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best) best = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
          d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best;
    }
  return d[nx][ny];
}
