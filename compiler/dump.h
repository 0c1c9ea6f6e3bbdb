/* `jxc dump`: the syntax tree as JSON (field names in doc/ast-json.md). */
#ifndef JX_DUMP_H
#define JX_DUMP_H

#include <stdio.h>

#include "document.h"
#include "json.h"

/* Writes one document object (root path and its files) to j. */
void jx_dump_document(const jx_ctx *ctx, const jx_document *doc, jx_json *j);

#endif
