#include "decimal.h"

#include <stdio.h>
#include <string.h>

static const int64_t pow10_table[JX_DECIMAL_MAX_SCALE + 1] = {
    1LL,
    10LL,
    100LL,
    1000LL,
    10000LL,
    100000LL,
    1000000LL,
    10000000LL,
    100000000LL,
    1000000000LL,
    10000000000LL,
    100000000000LL,
    1000000000000LL,
    10000000000000LL,
    100000000000000LL,
    1000000000000000LL,
    10000000000000000LL,
    100000000000000000LL,
    1000000000000000000LL,
};

bool jx_decimal_parse(const char *s, size_t n, jx_decimal *out) {
  size_t i = 0;
  bool neg = false;
  if (i < n && s[i] == '-') {
    neg = true;
    i++;
  }
  int64_t coef = 0;
  int scale = 0, digits = 0;
  bool dot = false;
  for (; i < n; i++) {
    char c = s[i];
    if (c == '.') {
      if (dot || digits == 0) return false;
      dot = true;
      continue;
    }
    if (c < '0' || c > '9') return false;
    if (__builtin_mul_overflow(coef, 10, &coef) ||
        __builtin_add_overflow(coef, c - '0', &coef))
      return false;
    digits++;
    if (dot && ++scale > JX_DECIMAL_MAX_SCALE) return false;
  }
  if (digits == 0 || (dot && s[n - 1] == '.')) return false;
  out->coef = neg ? -coef : coef;
  out->scale = scale;
  return true;
}

jx_decimal jx_decimal_from_int(int64_t v) { return (jx_decimal){v, 0}; }

bool jx_decimal_rescale(jx_decimal a, int scale, jx_decimal *out) {
  if (scale < 0 || scale > JX_DECIMAL_MAX_SCALE) return false;
  if (scale >= a.scale) {
    int64_t c;
    if (__builtin_mul_overflow(a.coef, pow10_table[scale - a.scale], &c))
      return false;
    *out = (jx_decimal){c, scale};
    return true;
  }
  int64_t p = pow10_table[a.scale - scale];
  if (a.coef % p != 0) return false;
  *out = (jx_decimal){a.coef / p, scale};
  return true;
}

int jx_decimal_cmp(jx_decimal a, jx_decimal b) {
  /* 128-bit intermediates make the comparison exact for every pair. */
  __int128 x = a.coef, y = b.coef;
  if (a.scale < b.scale)
    x *= pow10_table[b.scale - a.scale];
  else
    y *= pow10_table[a.scale - b.scale];
  return (x > y) - (x < y);
}

int jx_decimal_sign(jx_decimal a) { return (a.coef > 0) - (a.coef < 0); }

bool jx_decimal_is_integer(jx_decimal a) {
  return a.coef % pow10_table[a.scale] == 0;
}

static bool align(jx_decimal *a, jx_decimal *b) {
  int s = a->scale > b->scale ? a->scale : b->scale;
  return jx_decimal_rescale(*a, s, a) && jx_decimal_rescale(*b, s, b);
}

bool jx_decimal_add(jx_decimal a, jx_decimal b, jx_decimal *out) {
  if (!align(&a, &b)) return false;
  int64_t c;
  if (__builtin_add_overflow(a.coef, b.coef, &c)) return false;
  *out = (jx_decimal){c, a.scale};
  return true;
}

bool jx_decimal_sub(jx_decimal a, jx_decimal b, jx_decimal *out) {
  if (!align(&a, &b)) return false;
  int64_t c;
  if (__builtin_sub_overflow(a.coef, b.coef, &c)) return false;
  *out = (jx_decimal){c, a.scale};
  return true;
}

jx_decimal jx_decimal_normalize(jx_decimal a) {
  while (a.scale > 0 && a.coef % 10 == 0) {
    a.coef /= 10;
    a.scale--;
  }
  return a;
}

int jx_decimal_precision(jx_decimal a) { return jx_decimal_normalize(a).scale; }

bool jx_decimal_mul(jx_decimal a, jx_decimal b, jx_decimal *out) {
  a = jx_decimal_normalize(a);
  b = jx_decimal_normalize(b);
  int64_t c;
  if (__builtin_mul_overflow(a.coef, b.coef, &c)) return false;
  int scale = a.scale + b.scale;
  if (scale > JX_DECIMAL_MAX_SCALE) return false;
  *out = (jx_decimal){c, scale};
  return true;
}

bool jx_decimal_shift(jx_decimal a, int k, jx_decimal *out) {
  if (k >= 0) {
    /* Absorb the shift into the scale first, so 22.50 万元 -> 225000 元
     * does not overflow needlessly. */
    int take = k < a.scale ? k : a.scale;
    a.scale -= take;
    k -= take;
    if (k > JX_DECIMAL_MAX_SCALE) return false;
    int64_t c;
    if (__builtin_mul_overflow(a.coef, pow10_table[k], &c)) return false;
    *out = (jx_decimal){c, a.scale};
    return true;
  }
  if (a.scale - k > JX_DECIMAL_MAX_SCALE) return false;
  *out = (jx_decimal){a.coef, a.scale - k};
  return true;
}

char *jx_decimal_format(jx_decimal a, char *buf) {
  /* Work on the magnitude in unsigned arithmetic so INT64_MIN formats too. */
  uint64_t mag = a.coef < 0 ? (uint64_t)0 - (uint64_t)a.coef : (uint64_t)a.coef;
  char digits[24];
  int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)mag);
  char *p = buf;
  if (a.coef < 0) *p++ = '-';
  if (a.scale == 0) {
    memcpy(p, digits, (size_t)n + 1);
    return buf;
  }
  int intdigits = n - a.scale;
  if (intdigits <= 0) {
    *p++ = '0';
    *p++ = '.';
    for (int i = intdigits; i < 0; i++) *p++ = '0';
    memcpy(p, digits, (size_t)n + 1);
    return buf;
  }
  memcpy(p, digits, (size_t)intdigits);
  p += intdigits;
  *p++ = '.';
  memcpy(p, digits + intdigits, (size_t)a.scale + 1);
  return buf;
}

bool jx_decimal_power_of_ten(jx_decimal a, int *k) {
  a = jx_decimal_normalize(a);
  int zeros = 0;
  int64_t coef = a.coef;
  while (coef >= 10 && coef % 10 == 0) {
    coef /= 10;
    zeros++;
  }
  if (coef != 1) return false;
  *k = zeros - a.scale;
  return true;
}
