<?php

// The Keepz seal page of payseal-keepz-seal.php (or its typed twin), timed phase by phase with
// hrtime(): scripts/bench-deploy.sh --phases requests it in turn with ?work=floor, ?work=seal and
// ?work=prepare and reads the X-Phases header. The floor does only what every mode does (the clock,
// the header, one short echo), so that the modes' differences are payseal's. A measurement, not a
// test: the header carries microseconds, never a verdict.
//
//   startup  request start (REQUEST_TIME_FLOAT) to the page's first line (realtime clock, µs)
//   require  common.php and the binding's autoload.php
//   keys     reading the two key files
//   library  Payseal\Library::get(): the shared Library (FFI::scope, the ABI check)
//   handle   Keepz::integrator(…): a new handle, its keys from libpayseal's cache
//   seal     $keepz->seal(the create-order JSON text), or prepareCreateOrder(typed request)
//   echo     header() and echo of the answer
//   free     the handle's destructor (payseal_keepz_free)
//   page     the page's first line to its last (every phase)
//   memory   memory_get_peak_usage(), bytes (not µs)
// ?work=again then does it all once more (Library::open() for library2, handle2, seal2, free2);
// ?work=floor-sized is the floor with an answer as long as the seal's; ?work=burn&us=N the floor
// busy for N µs in plain PHP (a control for the scheduler's share);
// ?work=handle the page without its seal. With &finish, the page ends
// with fastcgi_finish_request(): the client's time then leaves out PHP's request shutdown.
//
// preloaded=1 when the binding's classes (Payseal\Keepz and the generated Payseal\Keepz\*) were in
// the class table before the page named them: opcache.preload compiled and linked them, and no
// autoloader ran for them.

declare(strict_types=1);

$clock = [hrtime(true)];
$startup = (microtime(true) - (float) $_SERVER['REQUEST_TIME_FLOAT']) * 1e6;
$work = $_GET['work'] ?? 'floor';
$preloaded = (int) (class_exists('Payseal\Keepz', false) && class_exists('Payseal\Keepz\CreateOrderRequest', false));

if ($work === 'floor') {
    echo "ok\n";
} elseif ($work === 'burn') {
    // The floor, busy for as long as the seal page's own work (?us=, µs) without payseal: what
    // any CPU burst of that length costs outside the page on this machine (the scheduler).
    $until = $clock[0] + (int) ($_GET['us'] ?? 150) * 1000;
    while (hrtime(true) < $until) {
    }
    echo "ok\n";
} elseif ($work === 'handle') {
    // The seal page without the seal: reading the keys, the handle, its destructor.
    require __DIR__ . '/common.php';
    require __DIR__ . '/../../../bindings/php/autoload.php';
    $keepz = Payseal\Keepz::integrator(deploy_file('keepz.spki.b64'), deploy_file('integrator.pkcs8.pem'), INTEGRATOR_ID);
    unset($keepz);
    echo "ok\n";
} elseif ($work === 'floor-sized') {
    // The floor with an answer as long as the seal's (1 493 bytes here): what the longer
    // response costs nginx, FastCGI and the client.
    header('Content-Type: application/json');
    echo str_repeat('x', (int) ($_GET['bytes'] ?? 1493));
} else {
    require __DIR__ . '/common.php';
    require __DIR__ . '/../../../bindings/php/autoload.php';
    $clock['require'] = hrtime(true);
    $keepzKey = deploy_file('keepz.spki.b64');
    $integratorKey = deploy_file('integrator.pkcs8.pem');
    $clock['keys'] = hrtime(true);
    Payseal\Library::get();
    $clock['library'] = hrtime(true);
    $keepz = Payseal\Keepz::integrator($keepzKey, $integratorKey, INTEGRATOR_ID);
    $clock['handle'] = hrtime(true);
    if ($work === 'prepare') {
        $body = $keepz->prepareCreateOrder(new Payseal\Keepz\CreateOrderRequest(
            amount: Payseal\Amount::of('12.50'),
            receiverId: '7f0c2b1e-4a3d-4c8e-9b6a-1d2e3f4a5b6c',
            receiverType: Payseal\Keepz\ReceiverType::Branch,
            integratorId: INTEGRATOR_ID,
            integratorOrderId: 'c0a8f1e2-3b4d-4c5e-8f6a-7b8c9d0e1f2a',
            currency: Payseal\Keepz\Currency::Gel,
            language: 'EN',
            successRedirectUri: 'https://shop.example/paid',
            failRedirectUri: 'https://shop.example/failed',
            callbackUri: 'https://shop.example/keepz/callback',
        ))->body;
    } else {
        $body = $keepz->seal(keepz_create_order());
    }
    $clock['seal'] = hrtime(true);
    header('Content-Type: application/json');
    echo $body;
    $clock['echo'] = hrtime(true);
    unset($keepz);
    $clock['free'] = hrtime(true);
    if ($work === 'again') {
        // The same work a second time in the request: what each phase costs once its code and
        // data are in the CPU's caches (the first time, they come after nginx, other processes
        // and the previous request).
        $clock['library2'] = hrtime(true);
        Payseal\Library::open();
        $clock['library2'] = hrtime(true);
        $keepz = Payseal\Keepz::integrator($keepzKey, $integratorKey, INTEGRATOR_ID);
        $clock['handle2'] = hrtime(true);
        $body = $keepz->seal(keepz_create_order());
        $clock['seal2'] = hrtime(true);
        unset($keepz);
        $clock['free2'] = hrtime(true);
    }
}

$end = hrtime(true);
$phases = sprintf('startup=%.1f', $startup);
$previous = $clock[0];
foreach ($clock as $name => $at) {
    if ($name !== 0) {
        $phases .= sprintf(' %s=%.1f', $name, ($at - $previous) / 1e3);
    }
    $previous = $at;
}
$phases .= sprintf(' page=%.1f memory=%d preloaded=%d', ($end - $clock[0]) / 1e3, memory_get_peak_usage(), $preloaded);
if (headers_sent()) {
    throw new LogicException('output was flushed before the X-Phases header (output_buffering off?)');
}
header("X-Phases: $phases");
if (isset($_GET['finish'])) {
    // The answer goes out now; PHP's request shutdown (destructors, freeing the request's memory)
    // then runs after the client has it, off the measured time.
    fastcgi_finish_request();
}
