/* Test helper (not a test): validates an XML file against an XSD with
 * libxml2, without network access. Usage: xsd-validate SCHEMA.xsd FILE.xml.
 * Exit 0 when valid, 1 when not (messages on stderr), 2 on usage errors. */
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc != 3) {
    fputs("usage: xsd-validate SCHEMA.xsd FILE.xml\n", stderr);
    return 2;
  }
  xmlSchemaParserCtxtPtr pctx = xmlSchemaNewParserCtxt(argv[1]);
  xmlSchemaPtr schema = pctx ? xmlSchemaParse(pctx) : NULL;
  xmlSchemaFreeParserCtxt(pctx);
  if (!schema) {
    fprintf(stderr, "xsd-validate: cannot read the schema %s\n", argv[1]);
    return 2;
  }
  xmlDocPtr doc = xmlReadFile(argv[2], NULL, XML_PARSE_NONET);
  int rc = 1;
  if (doc) {
    xmlSchemaValidCtxtPtr vctx = xmlSchemaNewValidCtxt(schema);
    rc = xmlSchemaValidateDoc(vctx, doc) == 0 ? 0 : 1;
    xmlSchemaFreeValidCtxt(vctx);
    xmlFreeDoc(doc);
  }
  xmlSchemaFree(schema);
  return rc;
}
