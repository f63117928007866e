"""Content negotiation for the static site: Apache ``.htaccess``, nginx, and the w3id redirect.

Every published resource is three files side by side — ``X.html``, ``X.ttl``
and ``X.jsonld`` — and its IRI names none of them.  The server picks by the
``Accept`` header: Turtle for ``text/turtle``, JSON-LD for
``application/ld+json``, HTML otherwise (browsers), always with ``Vary:
Accept`` so caches keep them apart.  w3id.org only redirects (303) the
persistent IRIs to the site, keeping the path; the client asks the site again
with the same ``Accept`` header.
"""

from __future__ import annotations


def htaccess() -> str:
    """``.htaccess`` for the site root on Apache (mod_rewrite, mod_headers, mod_mime)."""
    return """# irkg: serve each resource as HTML, Turtle or JSON-LD by the Accept header.
AddType text/turtle .ttl
AddType application/ld+json .jsonld
AddType application/n-quads .nq
AddCharset utf-8 .html .ttl .jsonld
Options -MultiViews
DirectoryIndex index.html
RewriteEngine On

RewriteCond %{HTTP_ACCEPT} application/ld\\+json
RewriteCond %{REQUEST_FILENAME}.jsonld -f
RewriteRule ^(.+)$ $1.jsonld [L]

RewriteCond %{HTTP_ACCEPT} text/turtle
RewriteCond %{REQUEST_FILENAME}.ttl -f
RewriteRule ^(.+)$ $1.ttl [L]

RewriteCond %{REQUEST_FILENAME} !-f
RewriteCond %{REQUEST_FILENAME}.html -f
RewriteRule ^(.+)$ $1.html [L]

<IfModule mod_headers.c>
  Header append Vary Accept
</IfModule>
"""


def nginx_http() -> str:
    """The part of the nginx configuration that belongs in the ``http`` block: Accept -> suffix."""
    return """# irkg: which representation a request asks for (include inside http { }).
map $http_accept $irkg_suffix {
    default                      ".html";
    "~*application/ld\\+json"     ".jsonld";
    "~*text/turtle"              ".ttl";
}
"""


def nginx_server(root: str = "/var/www/irkg", listen: str = "80", server_name: str = "_") -> str:
    """A ``server`` block serving the site folder ``root`` with content negotiation."""
    return f"""# irkg: the static site, resources negotiated by Accept (include inside http {{ }} after the map).
server {{
    listen {listen};
    server_name {server_name};
    root {root};
    index index.html;
    charset utf-8;
    charset_types text/html text/turtle application/ld+json text/plain application/xml;

    types {{
        text/html html;
        text/css css;
        text/turtle ttl;
        application/ld+json jsonld;
        application/n-quads nq;
        application/gzip gz;
        application/xml xml;
        text/plain txt;
    }}

    location = / {{
        add_header Vary Accept always;
        try_files /index$irkg_suffix /index.html =404;
    }}

    location / {{
        add_header Vary Accept always;
        try_files $uri$irkg_suffix $uri $uri.html $uri/ =404;
    }}
}}
"""


def nginx_config(root: str = "/var/www/irkg", listen: str = "80", server_name: str = "_") -> str:
    """Both parts, for a file in ``/etc/nginx/conf.d/`` (which nginx includes inside ``http``)."""
    return nginx_http() + "\n" + nginx_server(root, listen, server_name)


def w3id_htaccess(site_url: str) -> str:
    """The ``.htaccess`` to put in the w3id.org repository's ``irkg/`` folder."""
    target = site_url if site_url.endswith("/") else site_url + "/"
    return f"""# w3id.org/irkg -> the published site; the site negotiates HTML, Turtle or JSON-LD.
Options +FollowSymLinks
RewriteEngine on
RewriteRule ^$ {target} [R=303,L]
RewriteRule ^(.*)$ {target}$1 [R=303,L]
"""
