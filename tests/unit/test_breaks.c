/* Where printed lines must not break (compiler/breaks.c): numbers keep
 * their sign and unit, terms stay whole, and a long term splits only where
 * a shorter term begins. Each case shows the kept runs in brackets. */
#include <stdlib.h>

#include "breaks.h"
#include "check.h"

static jx_arena *arena;
static jx_breaks *br;

/* s with each kept run in brackets. */
static const char *runs(const char *s) {
  size_t n, len = strlen(s);
  jx_keep *k = jx_breaks_find(br, arena, s, len, &n);
  char *out = jx_arena_alloc(arena, 2 * len + 2 * n + 1);
  size_t o = 0, at = 0;
  for (size_t i = 0; i < n; i++) {
    CHECK(k[i].start >= at && k[i].end > k[i].start && k[i].end <= len);
    memcpy(out + o, s + at, k[i].start - at);
    o += k[i].start - at;
    out[o++] = '[';
    memcpy(out + o, s + k[i].start, k[i].end - k[i].start);
    o += k[i].end - k[i].start;
    out[o++] = ']';
    at = k[i].end;
  }
  memcpy(out + o, s + at, len - at);
  out[o + len - at] = '\0';
  return out;
}

int main(void) {
  arena = jx_arena_new();
  br = jx_breaks_new(arena);
  const char *terms[] = {"其他资金", "财政资金", "满意度指标", "服务对象满意度指标",
                         "效益指标", "社会效益指标", "可持续影响指标", "指标值确定依据",
                         "资金用途", "预算规模", "较上年增加", "X"};
  for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++) jx_breaks_add_term(br, terms[i]);
  const char *units[] = {"%", "元", "万元", "人", "年", "月", "日", "次", "比例", "百分比",
                         "平方米", "米", "延长米"};
  for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) jx_breaks_add_unit(br, units[i]);

  /* Numbers with their signs and units, compound units included. */
  CHECK_STR(runs("≤2000元/人/年"), "[≤2000元/人/年]");
  CHECK_STR(runs("较上年增加≥15%"), "[较上年增加][≥15%]");
  CHECK_STR(runs("≥0.95比例"), "[≥0.95比例]");
  CHECK_STR(runs("≥98百分比"), "[≥98百分比]");
  CHECK_STR(runs("≥ 90%"), "[≥ 90%]");
  CHECK_STR(runs(">=3700平方米"), "[>=3700平方米]");
  CHECK_STR(runs("≥300延长米"), "[≥300延长米]");
  CHECK_STR(runs("≤22.5万元"), "[≤22.5万元]");
  CHECK_STR(runs("1,200人"), "[1,200人]");
  CHECK_STR(runs("≤**万元"), "[≤**万元]");
  CHECK_STR(runs("≥**%"), "[≥**%]");
  CHECK_STR(runs("2025年12月31日前完成"), "[2025年][12月][31日]前完成");
  CHECK_STR(runs("解答 12348 来电次数达 7000 次"), "解答 [12348] 来电次数达 [7000 次]");
  CHECK_STR(runs("所需经费 22.5 万元，"), "所需经费 [22.5 万元]，");
  CHECK_STR(runs("2025 年底前"), "[2025 年]底前");
  CHECK_STR(runs("达\xE2\x80\x85" "22.5\xE2\x80\x85万元"), "达\xE2\x80\x85[22.5\xE2\x80\x85万元]");
  CHECK_STR(runs("≥7000次"), "[≥7000次]");
  CHECK_STR(runs("0.01‰"), "[0.01‰]");
  /* A unit after / that is not a unit ends the run; a code is not a number. */
  CHECK_STR(runs("5元/份"), "[5元]/份");
  CHECK_STR(runs("13080025P00010310003N"), "13080025P00010310003N");
  CHECK_STR(runs("P0001"), "P0001");
  CHECK_STR(runs("≥"), "≥");
  CHECK_STR(runs("5"), "5");

  /* Terms whole; a long term only where a shorter one begins. */
  CHECK_STR(runs("其他资金"), "[其他资金]");
  CHECK_STR(runs("其中：财政资金"), "其中：[财政资金]");
  CHECK_STR(runs("满意度指标"), "[满意度指标]");
  CHECK_STR(runs("服务对象满意度指标"), "[服务对象][满意度指标]");
  CHECK_STR(runs("社会效益指标"), "[社会][效益指标]");
  CHECK_STR(runs("可持续影响指标"), "[可持续影响指标]");
  CHECK_STR(runs("指标值确定依据"), "[指标值确定依据]");
  CHECK_STR(runs("预算规模及资金用途"), "[预算规模]及[资金用途]");
  CHECK_STR(runs("受援群众满意度"), "受援群众满意度");
  /* One-character terms are ignored. */
  CHECK_STR(runs("X"), "X");
  CHECK_STR(runs(""), "");

  /* A space between Chinese and a number becomes a quarter-em space. */
  CHECK_STR(jx_breaks_cjk_spaces(arena, "达 2500 人，A B"), "达\xE2\x80\x85" "2500\xE2\x80\x85人，A B");
  const char *plain = "无空格";
  CHECK(jx_breaks_cjk_spaces(arena, plain) == plain);

  jx_arena_free(arena);
  return CHECK_DONE();
}
