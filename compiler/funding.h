/* Funding sources (资金来源), from 资金来源 NAME KIND declarations in the
 * standard library's stdlib/sources.jx or in a document: which column of the
 * official forms (财政资金 or 其他资金) a named source counts in. */
#ifndef JX_FUNDING_H
#define JX_FUNDING_H

#include "ast.h"
#include "ctx.h"

typedef enum {
  JX_FUNDS_UNKNOWN, /* a name declared nowhere */
  JX_FUNDS_FISCAL,  /* 财政资金 */
  JX_FUNDS_OTHER    /* 其他资金 */
} jx_funds_kind;

typedef struct jx_sources {
  jx_list defs; /* const jx_source_def *, later ones first when looked up */
} jx_sources;

/* Adds a 资金来源 item (J184 for a kind that is neither 财政 nor 其他). */
void jx_sources_define(jx_ctx *ctx, jx_sources *s, const jx_node *item);

/* The kind a declaration's KIND word names, or JX_FUNDS_UNKNOWN. */
jx_funds_kind jx_funds_kind_word(const char *word);

/* The column a budget's source counts in: fixed for 财政资金 and 其他资金,
 * declared for a named one (the latest declaration wins). */
jx_funds_kind jx_fund_source_kind(const jx_sources *s, const jx_fund_source *src);

#endif
