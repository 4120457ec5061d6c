from tests.accounts import register
from tests.tui.signing import sign_in
from tests.tui.waits import until, idle
from tui.app import XinshengApp
from tui.intake import IntakeScreen


async def test_smoke(catalog_engine):
    register(catalog_engine, "王网格")
    app = XinshengApp(catalog_engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot, app, "王网格")
        await until(pilot, lambda: isinstance(app.screen, IntakeScreen))
        app.action_sign_out()
        await idle(pilot)
        print(app.screen, app._screen_stacks)
        await sign_in(pilot, app, "王网格")
        print(app.screen, app._screen_stacks)
        app.clock = lambda: 1e12
        assert app.lock_if_idle()
        await idle(pilot)
        print(app.screen, app._screen_stacks)
        print(app.export_screenshot()[:100])
