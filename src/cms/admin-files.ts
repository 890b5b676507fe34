/** The editor's own page (src/cms/admin/, copied into dist/ when compiled) and Decap CMS's browser bundle. */
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ADMIN_SOURCE = path.join(path.dirname(fileURLToPath(import.meta.url)), "admin");
/** The folder of Decap CMS's browser bundle (its lazily loaded chunks included) in node_modules. */
export const DECAP_DIST = path.dirname(createRequire(import.meta.url).resolve("decap-cms/dist/decap-cms.js"));
