<?php

/*
 * Where a page's time goes (scripts/bench-deploy.sh --phases runs it; a measurement, not a test).
 *
 *     php measure-phases.php ROUNDS REQUESTS SKIP name=URL [name=URL ...]
 *
 * One keep-alive connection (curl), so that one request is served at a time, as with wrk -c1. In
 * each of ROUNDS rounds every page is requested REQUESTS times in a row (a block), the pages taking
 * turns block by block (their order rotating from round to round), so that a change in the
 * machine's load falls on all of them alike. The first SKIP requests of a block are not counted:
 * they follow another page, often another PHP-FPM pool whose worker has to be woken and whose
 * memory is no longer in the CPU's caches (measured: 150–180 µs more when pages of two pools
 * alternate request by request), whereas wrk, like a busy site, requests one page back to back.
 * For each request it keeps the client's time (curl's total: sending,
 * nginx, PHP-FPM, receiving) and the phases the page reports in its X-Phases header
 * (pages/phases.php: "name=µs ..."). Prints, per page, the median of each phase over every request
 * and, against the first page (the floor), the median over rounds of each round's difference of
 * medians; "outside" is the client's time less the page's own ("page"): PHP's request start-up
 * and shutdown, nginx, FastCGI and the client.
 */

declare(strict_types=1);

if ($argc < 5) {
    fwrite(STDERR, "usage: php measure-phases.php ROUNDS REQUESTS SKIP name=URL [name=URL ...]\n");
    exit(2);
}
[$rounds, $requests, $skip] = [(int) $argv[1], (int) $argv[2], (int) $argv[3]];
$pages = [];
foreach (array_slice($argv, 4) as $spec) {
    [$name, $url] = explode('=', $spec, 2);
    $pages[$name] = $url;
}
$names = array_keys($pages);

function median(array $values): float
{
    sort($values);
    $n = count($values);
    if ($n === 0) {
        return NAN;
    }
    return $n % 2 ? (float) $values[intdiv($n, 2)] : ($values[$n / 2 - 1] + $values[$n / 2]) / 2;
}

$curl = curl_init();
$header = '';
curl_setopt_array($curl, [
    CURLOPT_RETURNTRANSFER => true,
    CURLOPT_FAILONERROR => true,
    CURLOPT_TCP_NODELAY => true,
    CURLOPT_HEADERFUNCTION => static function ($handle, string $line) use (&$header): int {
        if (stripos($line, 'X-Phases:') === 0) {
            $header = trim(substr($line, strlen('X-Phases:')));
        }
        return strlen($line);
    },
]);

/** One request: [client µs, phase => µs]. */
$fetch = static function (string $url) use ($curl, &$header): array {
    $header = '';
    curl_setopt($curl, CURLOPT_URL, $url);
    if (curl_exec($curl) === false) {
        throw new RuntimeException("$url: " . curl_error($curl));
    }
    $phases = [];
    foreach ($header === '' ? [] : explode(' ', $header) as $pair) {
        [$phase, $value] = explode('=', $pair, 2);
        $phases[$phase] = (float) $value;
    }
    return [(float) curl_getinfo($curl, CURLINFO_TOTAL_TIME_T), $phases];
};

foreach ($pages as $url) { // warm: opcache, the key cache, the connection
    for ($i = 0; $i < 20; $i++) {
        $fetch($url);
    }
}

$load = [sys_getloadavg()[0]];
$all = [];      // name => phase => list of µs
$perRound = []; // round => name => list of client µs
$connections = [];
for ($round = 0; $round < $rounds; $round++) {
    $order = array_merge(array_slice($names, $round % count($names)), array_slice($names, 0, $round % count($names)));
    foreach ($order as $name) {
        for ($i = 0; $i < $skip + $requests; $i++) {
            [$client, $phases] = $fetch($pages[$name]);
            if ($i < $skip) {
                continue;
            }
            $all[$name]['client'][] = $client;
            $perRound[$round][$name][] = $client;
            foreach ($phases as $phase => $us) {
                $all[$name][$phase][] = $us;
            }
            if (isset($phases['page'])) {
                $all[$name]['outside'][] = $client - $phases['page'];
            }
        }
    }
    $connections[] = curl_getinfo($curl, CURLINFO_NUM_CONNECTS);
}
$load[] = sys_getloadavg()[0];

$floor = $names[0];
printf("%d rounds × %d requests a page (after %d not counted), pages taking turns block by block; load average (1 min) %.1f → %.1f; new connections in the measured rounds: %d\n\n", $rounds, $requests, $skip, $load[0], $load[1], array_sum($connections));
$phaseNames = [];
foreach ($all as $phases) {
    foreach (array_keys($phases) as $phase) {
        $phaseNames[$phase] = true;
    }
}
unset($phaseNames['client'], $phaseNames['preloaded']);
$columns = array_merge(array_keys($phaseNames), ['client']);
echo '| page (median µs) | ' . implode(' | ', $columns) . " | client − $floor's, median over rounds | preloaded |\n";
echo '|---|' . str_repeat('---:|', count($columns)) . "---:|---|\n";
foreach ($names as $name) {
    $cells = [];
    foreach ($columns as $phase) {
        $cells[] = isset($all[$name][$phase]) ? sprintf('%.1f', median($all[$name][$phase])) : '–';
    }
    $differences = [];
    foreach ($perRound as $byName) {
        $differences[] = median($byName[$name]) - median($byName[$floor]);
    }
    $preloaded = isset($all[$name]['preloaded']) ? (min($all[$name]['preloaded']) == 1 ? 'yes' : 'no') : '–';
    printf("| %s | %s | %.1f | %s |\n", $name, implode(' | ', $cells), median($differences), $preloaded);
}
