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
 * read at all. */
jx_file *jx_xml_import(jx_ctx *ctx, const char *path, const char *xsd_path,
                       const char **why);

#endif
