/* State shared by the scanner (grammar/lexer.l) and the parser
 * (grammar/parser.y) while one file is parsed; internal to libjixiao. */
#ifndef JX_PARSE_STATE_H
#define JX_PARSE_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "ctx.h"

enum { JX_RECENT_WORDS = 8 };

typedef struct jx_recent_word {
  const char *text;
  jx_loc loc;
  long token; /* its index in the token stream */
} jx_recent_word;

typedef struct jx_parse_state {
  jx_ctx *ctx;
  int file;
  int line, col;      /* position of the next character to scan */
  size_t offset;      /* its byte offset in the source text */
  size_t tok_offset;  /* byte offset of the current token */
  jx_list comments;   /* jx_comment *, in source order */

  /* The most recent token, which is the one a syntax error is about. */
  int last_token;
  const char *last_text;
  long ntokens; /* tokens scanned so far */

  /* The last few words scanned, for "did you mean" hints (see scan_word). */
  jx_recent_word recent[JX_RECENT_WORDS];
  size_t nrecent;

  /* A """…""" string being scanned; buf is malloc'd by the scanner and
   * freed by jx_parse. */
  char *buf;
  size_t buflen, bufcap;
  jx_loc block_start;

  jx_file *result;
  jx_org *agency; /* the most recent 单位 in this file */
} jx_parse_state;

/* Keyword lookup shared with the parser's error messages. */
int jx_keyword_token(const char *word, size_t len, int *relative);
/* The keyword closest to word (edit distance 1), or NULL. */
const char *jx_keyword_suggest(const char *word);

#endif
