/* The exchange XML (schema/jixiao-1.xsd, doc/xml-format.md): building it with
 * libxml2 and validating it. */
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

/* Serializes xml (UTF-8, indented) into a malloc'd buffer; caller frees.
 * jx_xml_serialize writes the plain documents jxc builds itself, byte for
 * byte as libxml2 would (jx_xml_serialize_libxml, kept as the reference). */
char *jx_xml_serialize(xmlDocPtr xml, size_t *len);
char *jx_xml_serialize_libxml(xmlDocPtr xml, size_t *len);

#endif
