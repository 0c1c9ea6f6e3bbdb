#include "funding.h"

#include <string.h>

#include "diag.h"

jx_funds_kind jx_funds_kind_word(const char *word) {
  if (!strcmp(word, "财政") || !strcmp(word, "fiscal")) return JX_FUNDS_FISCAL;
  if (!strcmp(word, "其他") || !strcmp(word, "other")) return JX_FUNDS_OTHER;
  return JX_FUNDS_UNKNOWN;
}

void jx_sources_define(jx_ctx *ctx, jx_sources *s, const jx_node *item) {
  if (item->kind != JX_NODE_SOURCE_DEF) return;
  const jx_source_def *def = (const jx_source_def *)item;
  if (jx_funds_kind_word(def->kind.text) == JX_FUNDS_UNKNOWN) {
    jx_diag *d = jx_report(ctx, JX_SEV_ERROR, "J184", def->kind.loc,
                           "The funding source %s is declared as \"%s\", which is "
                           "neither 财政 (fiscal funds) nor 其他 (other funds).",
                           def->name.text, def->kind.text);
    jx_diag_hint(ctx, d, "Write 资金来源 %s 财政 when the money comes from a "
                         "budget appropriation, else 资金来源 %s 其他.",
                 def->name.text, def->name.text);
    return;
  }
  jx_list_push(ctx->arena, &s->defs, (void *)def);
}

jx_funds_kind jx_fund_source_kind(const jx_sources *s, const jx_fund_source *src) {
  if (src->kind == JX_SOURCE_FISCAL) return JX_FUNDS_FISCAL;
  if (src->kind == JX_SOURCE_OTHER) return JX_FUNDS_OTHER;
  for (size_t i = s->defs.len; i-- > 0;) {
    const jx_source_def *def = s->defs.items[i];
    if (!strcmp(def->name.text, src->name.text)) return jx_funds_kind_word(def->kind.text);
  }
  return JX_FUNDS_UNKNOWN;
}
