import { suite } from "uvu";
import * as assert from "uvu/assert";
import { siteAddress } from "../../src/social/address.ts";

const test = suite("siteAddress");

test("host and path, without the protocol or a closing slash", () => {
  assert.is(siteAddress("https://www.mensenhandel.be/2023/"), "www.mensenhandel.be/2023");
  assert.is(siteAddress("https://example.org/"), "example.org");
  assert.is(siteAddress("http://localhost:8080/x/"), "localhost:8080/x");
});

test("an internationalised host and path are written in their own letters", () => {
  assert.is(
    siteAddress("https://xn--mnchen-3ya.de/gegen-menschenhandel/"),
    "münchen.de/gegen-menschenhandel",
  );
  assert.is(siteAddress("https://example.org/caf%C3%A9/"), "example.org/café");
});

test.run();
