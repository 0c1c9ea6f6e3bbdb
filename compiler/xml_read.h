/* `jxc import`: an exchange XML document back into a jixiao syntax tree. */
#ifndef JX_XML_READ_H
#define JX_XML_READ_H

#include "ast.h"
#include "ctx.h"

/* Reads path with a hardened parser (no network, no DTD, no entities: a
 * document with a DOCTYPE is refused) as a stream, validating it against
 * the XSD at xsd_path as it is read, and builds a file whose items are in
 * the canonical order; no tree of the whole document is built (see
 * xml_read.c). Problems are reported into ctx with the XML line; returns
 * NULL then. Returns NULL with *why set when path or the schema cannot be
 * read at all.
 *
 * The file built and the XML's text live in tree (which may be ctx->arena):
 * keep tree until the diagnostics are printed, or first call
 * jx_source_release(ctx, f->file), so that jx_sources_restore reads the
 * XML again for them. */
jx_file *jx_xml_import(jx_ctx *ctx, jx_arena *tree, const char *path, const char *xsd_path,
                       const char **why);

#endif
