/* The checker: finds every inconsistency a reviewing finance bureau would
 * send back. Rules and codes (J1xx) are documented in doc/checks.md. */
#ifndef JX_CHECK_H
#define JX_CHECK_H

#include <stdbool.h>

#include "ctx.h"
#include "document.h"
#include "library.h"

/* Runs every rule on a parsed document; diagnostics go into ctx. */
void jx_check(jx_ctx *ctx, const jx_document *doc, const jx_library *stdlib);

typedef struct jx_check_options {
  bool warnings_as_errors;
  jx_list disabled; /* const char *: rule codes turned off */
} jx_check_options;

/* Whether code names a checker rule that can be disabled. */
bool jx_check_rule_known(const char *code);

/* Applies the options and the `# jxc: allow CODE` comment pragmas of docs'
 * files to ctx's diagnostics: drops the allowed ones, turns warnings into
 * errors when asked, and sorts them into source order. Only checker
 * diagnostics (J1xx) can be allowed. */
void jx_check_filter(jx_ctx *ctx, const jx_list *docs,
                     const jx_check_options *opt);

#endif
