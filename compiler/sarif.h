/* Diagnostics as SARIF 2.1.0 (the Static Analysis Results Interchange
 * Format), which CI systems read to show findings inline: jxc check
 * --format=sarif. */
#ifndef JX_SARIF_H
#define JX_SARIF_H

#include <stdio.h>

#include "ctx.h"

/* Writes one SARIF log with one run of jxc: every diagnostic of ctx (at most
 * max of them, all when max is 0) as a result, its notes as related
 * locations, and its hint in the message. */
void jx_diags_print_sarif(const jx_ctx *ctx, FILE *out, size_t max);

#endif
