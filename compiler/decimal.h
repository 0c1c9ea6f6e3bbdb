/* Exact fixed-point decimals for every amount, percentage and indicator value.
 *
 * A jx_decimal is coef * 10^-scale. The scale written in the source is kept
 * ("22.50" stays two decimals), so output reproduces what the clerk wrote and
 * the checker can tell how precise an amount is. Binary floating point is never
 * involved. Every operation that could overflow reports it instead. */
#ifndef JX_DECIMAL_H
#define JX_DECIMAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { JX_DECIMAL_MAX_SCALE = 18, JX_DECIMAL_BUFSIZE = 48 };

typedef struct jx_decimal {
  int64_t coef;
  int scale; /* 0 .. JX_DECIMAL_MAX_SCALE */
} jx_decimal;

/* Parses [-]digits[.digits] (ASCII digits only; the lexer normalises full-width
 * ones). Returns false for any other text or a value that does not fit. */
bool jx_decimal_parse(const char *s, size_t n, jx_decimal *out);

jx_decimal jx_decimal_from_int(int64_t v);

/* Exact comparison across scales: <0, 0, >0. */
int jx_decimal_cmp(jx_decimal a, jx_decimal b);
int jx_decimal_sign(jx_decimal a);
bool jx_decimal_is_integer(jx_decimal a);

/* Results take the larger scale (add, sub) or the sum of scales (mul, reduced
 * to at most JX_DECIMAL_MAX_SCALE without losing digits). False on overflow. */
bool jx_decimal_add(jx_decimal a, jx_decimal b, jx_decimal *out);
bool jx_decimal_sub(jx_decimal a, jx_decimal b, jx_decimal *out);
bool jx_decimal_mul(jx_decimal a, jx_decimal b, jx_decimal *out);

/* Multiplies by 10^k (k may be negative: division by a power of ten, which is
 * exact because the scale grows). False on overflow or scale out of range. */
bool jx_decimal_shift(jx_decimal a, int k, jx_decimal *out);

/* Changes the scale without changing the value; false if digits would be lost. */
bool jx_decimal_rescale(jx_decimal a, int scale, jx_decimal *out);

/* Whether a is 10^k for some integer k (10000, 1, 0.01); sets *k. */
bool jx_decimal_power_of_ten(jx_decimal a, int *k);

/* Removes trailing fractional zeros: 22.50 -> 22.5, 100.00 -> 100. */
jx_decimal jx_decimal_normalize(jx_decimal a);

/* Number of fractional digits actually needed (22.50 -> 1). */
int jx_decimal_precision(jx_decimal a);

/* Writes the value with its own scale into buf (at least JX_DECIMAL_BUFSIZE
 * bytes) and returns buf. */
char *jx_decimal_format(jx_decimal a, char *buf);

#endif
