#include "utf8.h"

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

size_t jx_utf8_invalid_at(const char *s, size_t len) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  while (i < len) {
    unsigned char c = u[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    /* Three-byte sequences led by E1-EC or EE-EF (most of Chinese text) can
     * be neither overlong nor surrogates: two continuation bytes suffice. */
    if (((c >= 0xE1 && c <= 0xEC) || c >= 0xEE) && c <= 0xEF && len - i >= 3 &&
        (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
      i += 3;
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
  size_t n = 0;
  for (size_t i = 0; i < len; n++) {
    int32_t cp;
    i += (size_t)jx_utf8_decode(s + i, len - i, &cp);
  }
  return n;
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
