/* UTF-8 validation, display width and word characters. */
#include "check.h"
#include "utf8.h"

static size_t W(const char *s) { return jx_utf8_width(s, strlen(s)); }

/* What jx_utf8_length must answer: one code point decoded at a time. */
static size_t decoded_length(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; n++) {
    int32_t cp;
    i += (size_t)jx_utf8_decode(s + i, len - i, &cp);
  }
  return n;
}

/* What jx_utf8_invalid_at must answer: where decoding first fails. */
static size_t decoded_invalid_at(const char *s, size_t len) {
  for (size_t i = 0; i < len;) {
    int32_t cp;
    int n = jx_utf8_decode(s + i, len - i, &cp);
    if (cp < 0) return i;
    i += (size_t)n;
  }
  return len;
}

int main(void) {
  /* Display width: CJK and full-width characters take two columns. */
  CHECK_INT(W("abc"), 3);
  CHECK_INT(W("项目"), 4);
  CHECK_INT(W("12348 法律服务热线"), 6 + 12);
  CHECK_INT(W("≥"), 1);
  CHECK_INT(W("％"), 2);
  CHECK_INT(W("（"), 2);
  CHECK_INT(W("e\xCC\x81"), 1); /* e + combining acute */
  CHECK_INT(W(""), 0);

  CHECK_INT(jx_utf8_length("项目 ok", strlen("项目 ok")), 5);
  /* The length takes runs of ASCII and common three-byte characters at
   * once: it must count as decoding one code point at a time does, an
   * invalid byte as one, wherever the pieces fall. */
  static const char *const pieces[] = {"a", "项", "\xE0\xA4\x85", "\xED\x9F\xBF",
                                       "\xED\xA0\x80", "\xE9\xA1", "\xFF", "\xC3\xA9",
                                       "\xF0\x9F\x98\x80", "\x80", "abcdefghij",
                                       "\xE0\x80\x80", "\xEF\xBC\x8A",
                                       "\xE9\xA1\xB9\xE7\x9B\xAE"};
  const size_t npieces = sizeof pieces / sizeof pieces[0];
  for (size_t seed = 1; seed < 400; seed++) {
    char buf[128];
    size_t len = 0;
    /* A linear congruential sequence picks the pieces. */
    for (uint64_t k = seed * 2654435761u; len < 100;
         k = k * 6364136223846793005u + 1442695040888963407u) {
      const char *p = pieces[(k >> 33) % npieces];
      memcpy(buf + len, p, strlen(p));
      len += strlen(p);
    }
    CHECK_INT(jx_utf8_length(buf, len), decoded_length(buf, len));
    CHECK_INT(jx_utf8_invalid_at(buf, len), decoded_invalid_at(buf, len));
    CHECK_INT(jx_utf8_invalid_at(buf + 1, len - 2), decoded_invalid_at(buf + 1, len - 2));
    CHECK_INT(jx_utf8_length(buf + 1, len - 2), decoded_length(buf + 1, len - 2));
  }
  /* For valid text, counting the bytes that start a character, eight at a
   * time, gives the same. */
  static const char *const valid[] = {"a", "项", "\xE0\xA4\x85", "\xC3\xA9", "≥",
                                      "\xF0\x9F\x98\x80", "abcdefghij", " "};
  const size_t nvalid = sizeof valid / sizeof valid[0];
  for (size_t seed = 1; seed < 60; seed++) {
    char buf[128];
    size_t len = 0;
    for (size_t k = seed; len < 100; k = k / 3 + k * 7 + 1) {
      const char *p = valid[k % nvalid];
      memcpy(buf + len, p, strlen(p));
      len += strlen(p);
      CHECK_INT(jx_utf8_count_valid(buf, len), decoded_length(buf, len));
      CHECK_INT(jx_utf8_invalid_at(buf, len), len);
      if (len > 1 && ((unsigned char)buf[len - 1] & 0xC0) == 0x80) /* cut short */
        CHECK_INT(jx_utf8_invalid_at(buf, len - 1), decoded_invalid_at(buf, len - 1));
    }
  }
  CHECK_INT(jx_utf8_length("abcdefgh项目abcdefghi", strlen("abcdefgh项目abcdefghi")), 19);
  CHECK_INT(jx_utf8_length("\xE9\xA1", 2), 2); /* a cut 项: two invalid bytes */

  /* Validation finds the first bad byte. */
  const char good[] = "单位 324001";
  CHECK_INT(jx_utf8_invalid_at(good, strlen(good)), strlen(good));
  const char gbk[] = "ab\xB5\xA5\xCE\xBB"; /* 单位 in GBK */
  CHECK_INT(jx_utf8_invalid_at(gbk, strlen(gbk)), 2);
  const char truncated[] = "x\xE9\xA1";
  CHECK_INT(jx_utf8_invalid_at(truncated, strlen(truncated)), 1);
  const char overlong[] = "\xC0\xAF";
  CHECK_INT(jx_utf8_invalid_at(overlong, 2), 0);
  const char surrogate[] = "\xED\xA0\x80";
  CHECK_INT(jx_utf8_invalid_at(surrogate, 3), 0);
  /* Long ASCII runs are skipped eight bytes at a time: a bad byte at any
   * place within or after one is still found where it is. */
  for (size_t at = 0; at < 40; at++) {
    char run[48];
    memset(run, 'a', sizeof run);
    run[at] = (char)0xFF;
    CHECK_INT(jx_utf8_invalid_at(run, sizeof run), at);
    memcpy(run + at, "\xE9\xA1\xB9", 3); /* 项, then more ASCII */
    CHECK_INT(jx_utf8_invalid_at(run, sizeof run), sizeof run);
    run[at + 1] = 'a'; /* 项 cut short */
    CHECK_INT(jx_utf8_invalid_at(run, sizeof run), at);
  }

  int32_t cp;
  CHECK_INT(jx_utf8_decode("项", 3, &cp), 3);
  CHECK_INT(cp, 0x9879);
  CHECK_INT(jx_utf8_decode("\xFF", 1, &cp), 1);
  CHECK_INT(cp, -1);

  /* Word characters: letters yes, digits and punctuation no. */
  CHECK(jx_utf8_is_word_cp(0x9879, true));  /* 项 */
  CHECK(jx_utf8_is_word_cp('a', true));
  CHECK(!jx_utf8_is_word_cp('-', true));
  CHECK(jx_utf8_is_word_cp('-', false));
  CHECK(!jx_utf8_is_word_cp('7', false));
  CHECK(!jx_utf8_is_word_cp(0xFF17, false)); /* full-width 7 */
  CHECK(!jx_utf8_is_word_cp(0x2265, false)); /* ≥ */
  CHECK(!jx_utf8_is_word_cp(0x3002, false)); /* 。 */
  CHECK(!jx_utf8_is_word_cp(0x201C, false)); /* “ */

  char out[4];
  CHECK_INT(jx_utf8_encode(0x9879, out), 3);
  CHECK(memcmp(out, "项", 3) == 0);
  return CHECK_DONE();
}
