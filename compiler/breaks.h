/* Where a printed line must not break (compiler/breaks.c). Every printed
 * format wraps Chinese text between any two characters, which splits terms
 * ("其他资/金", "满意度指/标") and numbers from their units ("≤2000元/人/" "年",
 * "≥1" "5%"). This module finds, in a text, the runs that stay on one line:
 *
 *   - numbers with their comparison sign and unit: ≥15%, ≤2000元/人/年,
 *     0.95比例, 2025年, ≥**%, 1,200人 (the unit is the longest name of
 *     the document's units at that place, with /unit parts);
 *   - terms: the level names of the indicator frameworks, the funding
 *     sources and the labels of the forms (其他资金, 满意度指标,
 *     指标值确定依据 …). A term that ends with a shorter term and has at
 *     least two characters before it is two runs, so a narrow column may
 *     break 服务对象满意度指标 as 服务对象 / 满意度指标, never elsewhere.
 *
 * The terms and units come from the document's library (the stdlib files and
 * its own definitions) and the renderers' labels, not from tables here.
 * A renderer keeps each run on one line when the run fits the line's
 * width, and lets a longer one break where it must. */
#ifndef JX_BREAKS_H
#define JX_BREAKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct jx_breaks jx_breaks;

/* A run [start, end) of bytes of a text that stays on one line: a number
 * with its sign and unit, or a term. */
typedef struct jx_keep {
  size_t start, end;
  bool number;
} jx_keep;

/* Chinese typesetting keeps closing punctuation off the start of a line and
 * opening brackets off its end (避头尾, line-break: strict); every back end
 * that wraps text asks these two. */
bool jx_breaks_no_line_start(int32_t cp);
bool jx_breaks_no_line_end(int32_t cp);

jx_breaks *jx_breaks_new(jx_arena *a);

/* A term kept whole (two characters at least; shorter ones are ignored). */
void jx_breaks_add_term(jx_breaks *b, const char *term);

/* A unit name that a number keeps ("元", "%", "平方米", "人"). */
void jx_breaks_add_unit(jx_breaks *b, const char *unit);

/* The runs of s[0..len) to keep on one line, in order and disjoint, each of
 * two characters or more; *n receives their number. The array lives in a
 * (NULL when *n is 0). */
jx_keep *jx_breaks_find(const jx_breaks *b, jx_arena *a, const char *s, size_t len,
                        size_t *n);

/* text with each space a clerk typed between a Chinese character and a
 * number or a Latin letter ("达 2500 人") as a quarter-em space (U+2005):
 * justification stretches an ordinary space, which opens a wide gap in a
 * justified line of Chinese, while a line may still break at U+2005. The
 * text itself when it has no such space; else a copy in a. */
const char *jx_breaks_cjk_spaces(jx_arena *a, const char *text);

#endif
