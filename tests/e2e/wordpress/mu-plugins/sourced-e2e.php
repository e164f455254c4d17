<?php
/*
 * Plugin Name: Sourced Quiz e2e: oEmbed from this machine
 * Description: Lets WordPress fetch the test's quiz server on 127.0.0.1. WordPress's safe HTTP API
 * refuses loopback hosts (http_request_host_is_external) and any port but 80, 443 and 8080
 * (http_allowed_safe_ports) for the pages it fetches, oEmbed discovery included. A newsroom's
 * quiz host is public, on 443: it needs neither filter.
 */
add_filter('http_request_host_is_external', function ($external, $host) {
    return $external || $host === '127.0.0.1';
}, 10, 2);
add_filter('http_allowed_safe_ports', function ($ports, $host, $url) {
    $port = parse_url($url, PHP_URL_PORT);
    return $host === '127.0.0.1' && $port ? array_merge($ports, array($port)) : $ports;
}, 10, 3);
