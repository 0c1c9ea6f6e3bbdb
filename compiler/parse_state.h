/* State shared by the scanner (grammar/lexer.l) and the parser
 * (grammar/parser.y) while one file is parsed; internal to libjixiao. */
#ifndef JX_PARSE_STATE_H
#define JX_PARSE_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "ctx.h"

enum { JX_RECENT_WORDS = 8, JX_MAX_NESTING = 32, JX_KEYWORD_SLOTS = 512 };

/* The keywords' spellings in an open-addressing table, so the scanner finds
 * whether a word is a keyword with one hash and a compare or two. */
typedef struct jx_keyword_index {
  short slot[JX_KEYWORD_SLOTS]; /* 1 + index of a spelling, 0 when empty */
} jx_keyword_index;

typedef struct jx_recent_word {
  const char *text;
  jx_loc loc;
  long token; /* its index in the token stream */
} jx_recent_word;

/* One token of an indicator value, collected before the value is built
 * (parse_value.c): a sign, number, placeholder, ISO date, %, /, word or 至. */
typedef struct jx_atom {
  int token;
  const char *text; /* arena; NULL for signs, %, / and 至 */
  jx_loc loc;
} jx_atom;

typedef struct jx_parse_state {
  jx_ctx *ctx;
  jx_arena *arena;    /* where the tree goes; diagnostics go to the ctx's */
  const jx_source *src; /* the text being parsed (file's, maybe not yet in ctx) */
  int file;
  int line, col;      /* position of the next character to scan */
  size_t offset;      /* its byte offset in the source text */
  size_t tok_offset;  /* byte offset of the current token */
  jx_list comments;   /* jx_comment *, in source order */

  /* The most recent token, which is the one a syntax error is about. */
  int last_token;
  const char *last_text;
  long ntokens; /* tokens scanned so far */
  int history[3]; /* tokens returned: [0] the latest, [1] the one before … */

  /* The last few words scanned, for "did you mean" hints (see scan_word). */
  jx_recent_word recent[JX_RECENT_WORDS];
  size_t nrecent;

  /* A """…""" string being scanned; buf is malloc'd by the scanner and
   * freed by jx_parse. */
  char *buf;
  size_t buflen, bufcap;
  jx_loc block_start;

  /* Values as the grammar builds them, before a row or stage copies them:
   * at most two are alive at once (a row's and its 长期 value). */
  jx_value scratch[4];
  unsigned nscratch;

  /* The atoms of the value being parsed; malloc'd, freed by jx_parse. */
  jx_atom *atoms;
  size_t natoms, atomcap;

  int depth;        /* open brackets and braces */
  int schedule_depth; /* depth of the open 实施进度 { … }, or 0 */
  size_t gave_up;   /* when the scanner stopped early: diagnostics kept */

  jx_keyword_index keywords;

  jx_file *result;
  jx_org *agency;  /* the most recent 单位 in this file */
  jx_org *section; /* the most recent 类别 line in that 单位, or NULL */
  bool in_group;   /* inside an indicator group's braces (for hints) */
} jx_parse_state;

/* Starts a new value's atoms (first) or adds one to it. */
void jx_atom_add(jx_parse_state *ps, bool first, int token, const char *text,
                 jx_loc loc);

/* Builds the value from the atoms collected since the last first atom.
 * prefix is 0, KW_BY (截止), KW_MONTHLY (每月) or RELATIVE (with relative
 * set). Problems are reported as syntax errors (J005, J014, J019) at the
 * atoms they concern. */
void jx_value_build(jx_parse_state *ps, int prefix, int relative, jx_value *out);

/* Reads the atoms of 项目期 into p: two years or dates joined by 至
 * (2024 至 2026, 2019-2021, 2023年7月-2024年6月, 2025-01-01 至 2025-12-31),
 * each side kept in ISO form (2024, 2023-07, 2025-01-01). J014 otherwise. */
void jx_period_build(jx_parse_state *ps, jx_period *p);

/* How the scanner cuts words, shared with the formatter and the XML reader
 * (which must know what reads back as itself):
 * jx_placeholder_prefix is the length of the template placeholder a word
 * starts with (two or more X or x, any run of × or ○: XX万元 is XX and 万元),
 * 0 for none; jx_date_word tells whether a word starts with a date part
 * (年, 月, 日, 号), which the scanner ends at 至 or '-'. */
size_t jx_placeholder_prefix(const char *s, size_t len);
bool jx_date_word(const char *word);

/* How the value reader reads words, shared the same way: jx_wording_suffix
 * is the length of the qualifying word (以上, 左右 …) a word ends with, 0 for
 * none; jx_date_part_of the date part a word begins with (0 year, 1 month,
 * 2 day, 3 month end; -1 for none) and its length in *len; and
 * jx_ordinal_length the length of a row number (指标1:) a name begins with. */
size_t jx_wording_suffix(const char *text);
int jx_date_part_of(const char *word, size_t *len);
size_t jx_ordinal_length(const char *name);

/* Keyword lookup shared with the parser's error messages and the formatter. */
int jx_keyword_token(const char *word, size_t len, int *relative);

/* Fills the index, once per parse; then looks a word up in it. */
void jx_keyword_index_build(jx_keyword_index *ix);
int jx_keyword_index_find(const jx_keyword_index *ix, const char *word,
                          size_t len, int *relative);
/* The keyword closest to word (edit distance 1), or NULL. */
const char *jx_keyword_suggest(const char *word);

#endif
