"""``kg report``: one offline HTML page about a store, its data and its SVG charts."""
