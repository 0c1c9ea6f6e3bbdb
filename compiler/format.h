/* Prints a syntax tree as jixiao source in the canonical layout: one field or
 * indicator row a line, two-space indentation, comments and blank lines
 * kept where the trivia put them. Used by `jxc import` (and a formatter). */
#ifndef JX_FORMAT_H
#define JX_FORMAT_H

#include <stdbool.h>
#include <stdio.h>

#include "ast.h"
#include "ctx.h"

/* Writes file's items. Returns false, with a diagnostic in ctx, when a name
 * cannot be written in the language (a level name that is not a word). */
bool jx_format_file(jx_ctx *ctx, const jx_file *file, FILE *out);

typedef struct jx_format_options {
  /* For reading diffs (jxc format --textconv): each project's opening line
   * ends with a comment naming its budget unit, "# 单位 324001" (its code,
   * else its name), so that a hunk header showing the project shows its
   * unit too. The output is then no longer the file's canonical form. */
  bool annotate_units;
} jx_format_options;

bool jx_format_file_with(jx_ctx *ctx, const jx_file *file,
                         const jx_format_options *opt, FILE *out);

/* Writes top-level items as jx_format_file writes them in a file, where
 * first says they begin it (the first item gets no blank line before it):
 * a file given a piece at a time (jxc import, a budget unit at a time). */
bool jx_format_items(jx_ctx *ctx, const jx_list *items, bool first, FILE *out);

/* Whether s can be written bare: a word that is not a keyword and that the
 * scanner reads back as this one word. */
bool jx_is_bare_word(const char *s);

/* The text a value shows in the official form: "≥7000次", "2025年12月31日前完成",
 * "较上年增加≥15%", "不涉及". Allocated in the ctx's arena. */
const char *jx_value_display(jx_ctx *ctx, const jx_value *v);

#endif
