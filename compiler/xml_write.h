/* The exchange XML (schema/jixiao-1.xsd, doc/xml-format.md): building it with
 * libxml2, validating it, and writing files atomically. */
#ifndef JX_XML_WRITE_H
#define JX_XML_WRITE_H

#include <libxml/tree.h>

#include "ctx.h"
#include "document.h"

#define JX_XML_NAMESPACE "urn:jixiao:exchange:1"

/* The exchange document for doc, in canonical form (element order fixed by
 * the schema, no timestamps). Returns NULL with diagnostics in ctx when doc
 * holds something the format cannot carry. Caller frees with xmlFreeDoc. */
xmlDocPtr jx_xml_build(jx_ctx *ctx, const jx_document *doc);

/* Validates xml against the XSD file at xsd_path. On failure returns false
 * and puts the validator's messages, one a line, in *why (ctx arena). */
bool jx_xml_validate(jx_ctx *ctx, xmlDocPtr xml, const char *xsd_path,
                     const char **why);

/* Serializes xml (UTF-8, indented) into a malloc'd buffer; caller frees. */
char *jx_xml_serialize(xmlDocPtr xml, size_t *len);

/* Writes data to path through a temporary file in the same folder and a
 * rename, so a reader never sees a partial file. path "-" means stdout.
 * False with *why (ctx arena) on failure, leaving no file behind. */
bool jx_write_file_atomic(jx_ctx *ctx, const char *path, const char *data,
                          size_t len, const char **why);

#endif
