"""checks.serve: the site served as a static host serves it (compressed text, keep-alive), or plainly.

No browser and no built site needed: these run with the unit tests.
"""

import gzip
import http.client
from urllib.parse import urlsplit

import checks
import pytest

FILES = {
    "index.html": b"<!DOCTYPE html><title>t</title>" + b"<p>text</p>" * 200,
    "style.css": b"p { color: red; }\n" * 100,
    "app.js": b"console.log(1);\n" * 100,
    "logo.svg": b"<svg xmlns='http://www.w3.org/2000/svg'></svg>" * 20,
    "picture.png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
    "font.woff2": b"wOF2" + bytes(2000),
    "sub/index.html": b"<!DOCTYPE html><title>sub</title>" * 50,
}


@pytest.fixture
def site(tmp_path):
    for name, data in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    return tmp_path


def _get(connection, path, gzip_ok=True):
    connection.request("GET", path, headers={"Accept-Encoding": "gzip, deflate, br"} if gzip_ok else {})
    response = connection.getresponse()
    return response, response.read()


def test_compressed_server_gzips_text_only_and_keeps_the_connection(site):
    with checks.serve(site, compress=True) as origin:
        connection = http.client.HTTPConnection(urlsplit(origin).netloc, timeout=10)
        for name, data in FILES.items():
            response, body = _get(connection, "/" + name)  # one connection throughout: keep-alive works
            assert response.status == 200
            text = not name.endswith((".png", ".woff2"))
            assert response.getheader("Content-Encoding") == ("gzip" if text else None), name
            assert (gzip.decompress(body) if text else body) == data, name
            assert int(response.getheader("Content-Length")) == len(body)
        response, body = _get(connection, "/sub/")
        assert response.getheader("Content-Encoding") == "gzip"
        assert gzip.decompress(body) == FILES["sub/index.html"]
        response, body = _get(connection, "/style.css", gzip_ok=False)
        assert response.getheader("Content-Encoding") is None
        assert body == FILES["style.css"]
        response, _ = _get(connection, "/missing.css")
        assert response.status == 404
        connection.close()


def test_plain_server_does_not_compress(site):
    with checks.serve(site) as origin:
        connection = http.client.HTTPConnection(urlsplit(origin).netloc, timeout=10)
        response, body = _get(connection, "/style.css")
        assert response.getheader("Content-Encoding") is None
        assert body == FILES["style.css"]
        connection.close()
