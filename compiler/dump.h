/* `jxc dump`: the syntax tree as JSON (field names in doc/ast-json.md). */
#ifndef JX_DUMP_H
#define JX_DUMP_H

#include <stdio.h>

#include "document.h"
#include "json.h"

/* Writes one document object (root path and its files) to j. */
void jx_dump_document(const jx_ctx *ctx, const jx_document *doc, jx_json *j);

/* The same in pieces, for a document read one file at a time: begin (with
 * its root file), jx_dump_file for each file in order, end. */
void jx_dump_document_begin(const jx_ctx *ctx, const jx_file *root, jx_json *j);
void jx_dump_document_end(jx_json *j);

/* Writes one file object (path and items). With j->locations false, every
 * location and path is left out: two trees with equal dumps are equal but for
 * where things stand, which is how round trips are compared. */
void jx_dump_file(const jx_ctx *ctx, const jx_file *f, jx_json *j);

/* The same dump as a malloc'd string (the caller frees it): two files are
 * the same tree but for positions when their location-free dumps are equal. */
char *jx_dump_file_text(const jx_ctx *ctx, const jx_file *f, bool locations);

#endif
