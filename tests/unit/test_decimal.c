/* The exact decimal type: parsing, formatting, arithmetic, overflow. */
#include "check.h"
#include "decimal.h"

static jx_decimal D(const char *s) {
  jx_decimal d = {0, 0};
  if (!jx_decimal_parse(s, strlen(s), &d)) {
    fprintf(stderr, "cannot parse %s\n", s);
    check_failures++;
  }
  return d;
}

static const char *F(jx_decimal d) {
  static char buf[4][JX_DECIMAL_BUFSIZE];
  static int n;
  return jx_decimal_format(d, buf[n++ % 4]);
}

static void test_parse_format(void) {
  CHECK_STR(F(D("22.50")), "22.50");
  CHECK_STR(F(D("0.01")), "0.01");
  CHECK_STR(F(D("7000")), "7000");
  CHECK_STR(F(D("-5")), "-5");
  CHECK_STR(F(D("-0.5")), "-0.5");
  CHECK_STR(F(D("0.000")), "0.000");
  CHECK_INT(D("22.50").scale, 2);
  CHECK_INT(D("22.50").coef, 2250);
  jx_decimal d;
  CHECK(!jx_decimal_parse("1.2.3", 5, &d));
  CHECK(!jx_decimal_parse("7.", 2, &d));
  CHECK(!jx_decimal_parse(".5", 2, &d));
  CHECK(!jx_decimal_parse("", 0, &d));
  CHECK(!jx_decimal_parse("-", 1, &d));
  CHECK(!jx_decimal_parse("1e5", 3, &d));
  CHECK(!jx_decimal_parse("12a", 3, &d));
  /* 19 digits overflow int64; 18 decimals are the limit. */
  CHECK(!jx_decimal_parse("9999999999999999999", 19, &d));
  CHECK(jx_decimal_parse("999999999999999999", 18, &d));
  CHECK(!jx_decimal_parse("0.0000000000000000001", 21, &d));
}

static void test_compare(void) {
  CHECK(jx_decimal_cmp(D("22.5"), D("22.50")) == 0);
  CHECK(jx_decimal_cmp(D("22.49"), D("22.5")) < 0);
  CHECK(jx_decimal_cmp(D("100"), D("99.999")) > 0);
  CHECK(jx_decimal_cmp(D("-1"), D("0")) < 0);
  /* Comparing across extreme scales must not overflow. */
  CHECK(jx_decimal_cmp(D("999999999999999999"), D("0.000000000000000001")) > 0);
  CHECK_INT(jx_decimal_sign(D("-0.01")), -1);
  CHECK_INT(jx_decimal_sign(D("0.00")), 0);
  CHECK(jx_decimal_is_integer(D("100.00")));
  CHECK(!jx_decimal_is_integer(D("100.01")));
}

static void test_arithmetic(void) {
  jx_decimal r;
  /* The classic binary floating point failure: 0.1 + 0.2 == 0.3 exactly. */
  CHECK(jx_decimal_add(D("0.1"), D("0.2"), &r));
  CHECK(jx_decimal_cmp(r, D("0.3")) == 0);
  CHECK(jx_decimal_add(D("22.50"), D("45.00"), &r));
  CHECK_STR(F(r), "67.50");
  CHECK(jx_decimal_add(D("306.50"), D("1064.86"), &r));
  CHECK_STR(F(r), "1371.36");
  CHECK(jx_decimal_sub(D("22.5"), D("22.50"), &r));
  CHECK_INT(jx_decimal_sign(r), 0);
  CHECK(jx_decimal_mul(D("5900"), D("150"), &r));
  CHECK_STR(F(r), "885000");
  CHECK(jx_decimal_mul(D("0.5"), D("0.25"), &r));
  CHECK_STR(F(r), "0.125");
  /* Overflow is reported, never wrapped. */
  CHECK(!jx_decimal_add(D("999999999999999999"), D("9000000000000000000"), &r));
  CHECK(!jx_decimal_mul(D("999999999999999999"), D("100"), &r));
}

static void test_shift_rescale(void) {
  jx_decimal r;
  /* 22.50 万元 is 225000 元. */
  CHECK(jx_decimal_shift(D("22.50"), 4, &r));
  CHECK(jx_decimal_cmp(r, D("225000")) == 0);
  /* 5900 元 is 0.59 万元. */
  CHECK(jx_decimal_shift(D("5900"), -4, &r));
  CHECK(jx_decimal_cmp(r, D("0.59")) == 0);
  CHECK(jx_decimal_rescale(D("22.5"), 2, &r));
  CHECK_STR(F(r), "22.50");
  CHECK(!jx_decimal_rescale(D("22.55"), 1, &r));
  CHECK_STR(F(jx_decimal_normalize(D("100.00"))), "100");
  CHECK_INT(jx_decimal_precision(D("22.50")), 1);
  CHECK_INT(jx_decimal_precision(D("22.00")), 0);
  int k = 99;
  CHECK(jx_decimal_power_of_ten(D("10000"), &k));
  CHECK_INT(k, 4);
  CHECK(jx_decimal_power_of_ten(D("0.01"), &k));
  CHECK_INT(k, -2);
  CHECK(jx_decimal_power_of_ten(D("1.00"), &k));
  CHECK_INT(k, 0);
  CHECK(!jx_decimal_power_of_ten(D("12"), &k));
  CHECK(!jx_decimal_power_of_ten(D("-10"), &k));
}

int main(void) {
  test_parse_format();
  test_compare();
  test_arithmetic();
  test_shift_rescale();
  return CHECK_DONE();
}
