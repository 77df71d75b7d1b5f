import pytest

from bot.engine.apis import ApiNames
from bot.engine.engine import Engine


@pytest.fixture(scope="module")
def apis(engine: Engine) -> ApiNames:
    return ApiNames(engine.knowledge)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("tf.function vs @jax.jit vs torch.compile", {"tensorflow", "jax", "pytorch"}),
        ("TF.keras or torch.nn?", {"tensorflow", "pytorch"}),  # aliases, any case
        ("see pytorch.org and keras.io", set()),  # sites name no API
        ("upgraded to tf 2.15 and jax 0.4.30", set()),  # versions neither
        ("my_lib.tf.function", set()),  # part of a longer dotted name
        ("np.array vs jnp.array", {"jax"}),  # jnp is an alias of jax; numpy is no framework
        ("pytorch vs tensorflow", set()),  # bare names
    ],
)
def test_frameworks_named_through_an_api(apis: ApiNames, text: str, named: set[str]) -> None:
    assert apis.frameworks(text) == named
